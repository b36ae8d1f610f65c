//! `accessPackageAutomaticRequestSettings`: present only on auto-assignment policies.

use crate::graph_object::graph_object;
use crate::GraphDuration;

graph_object! {
    /// `accessPackageAutomaticRequestSettings`. Its presence makes a policy an
    /// auto-assignment policy.
    pub struct AccessPackageAutomaticRequestSettings {
        grace_period_before_access_removal: GraphDuration,
        remove_access_when_target_leaves_allowed_targets: bool,
        request_access_for_allowed_targets: bool,
    }
}

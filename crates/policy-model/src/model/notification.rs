//! `accessPackageNotificationSettings`.

use crate::graph_object::graph_object;

graph_object! {
    /// `accessPackageNotificationSettings`.
    pub struct AccessPackageNotificationSettings {
        is_assignment_notification_disabled: bool,
    }
}

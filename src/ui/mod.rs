//! Pages and the pieces they share.

mod changed_policies;
mod clipboard;
pub mod create;
mod error_panel;
mod list_toolbar;
mod list_url;
mod page;
mod policy_detail;
mod policy_list;
mod setup_page;
mod sign_in_page;
mod top_bar;
mod virtual_rows;

pub(crate) use changed_policies::{mark_policies_changed, reload_when_restored_out_of_date};
pub use error_panel::ErrorPanel;
pub(crate) use page::{site_base_path, tab_storage};
pub use policy_detail::{Names, PolicyDetailPage, PolicyDetailView, Principal};
pub use policy_list::PolicyListPage;
pub use setup_page::SetupPage;
pub use sign_in_page::SignInPage;
pub use top_bar::TopBar;

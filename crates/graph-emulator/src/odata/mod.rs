//! The slice of OData that Graph's list endpoints speak: query option
//! parsing and validation, `$filter`, `$search`, `$expand`, `$select` and
//! server-driven paging with `@odata.nextLink`.

pub mod expand;
pub mod filter;
pub mod paging;
pub mod query;
pub mod search;
pub mod select;

pub use expand::ExpandItem;
pub use query::QueryOptions;

//! What the admin is looking at — search, filters, sort — kept in the URL so a link or a reload
//! reproduces the view.

use super::row::{Audience, PolicyRow};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortColumn {
    #[default]
    Name,
    Package,
    Catalog,
    Who,
    Approval,
    Expiration,
    Review,
    Created,
    Modified,
}

impl SortColumn {
    pub const ALL: [SortColumn; 9] = [
        SortColumn::Name,
        SortColumn::Package,
        SortColumn::Catalog,
        SortColumn::Who,
        SortColumn::Approval,
        SortColumn::Expiration,
        SortColumn::Review,
        SortColumn::Created,
        SortColumn::Modified,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            SortColumn::Name => "name",
            SortColumn::Package => "package",
            SortColumn::Catalog => "catalog",
            SortColumn::Who => "who",
            SortColumn::Approval => "approval",
            SortColumn::Expiration => "expiration",
            SortColumn::Review => "review",
            SortColumn::Created => "created",
            SortColumn::Modified => "modified",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SortColumn::Name => "Policy",
            SortColumn::Package => "Access package",
            SortColumn::Catalog => "Catalog",
            SortColumn::Who => "Who can request",
            SortColumn::Approval => "Approval",
            SortColumn::Expiration => "Expiration",
            SortColumn::Review => "Review",
            SortColumn::Created => "Created",
            SortColumn::Modified => "Modified",
        }
    }

    fn from_slug(slug: &str) -> Option<SortColumn> {
        SortColumn::ALL.into_iter().find(|c| c.slug() == slug)
    }

    fn compare(self, a: &PolicyRow, b: &PolicyRow) -> std::cmp::Ordering {
        let text = |x: &str, y: &str| x.to_lowercase().cmp(&y.to_lowercase());
        match self {
            SortColumn::Name => text(&a.name, &b.name),
            SortColumn::Package => text(&a.package, &b.package),
            SortColumn::Catalog => text(&a.catalog, &b.catalog),
            SortColumn::Who => text(&a.who, &b.who),
            SortColumn::Approval => a.approval_stages.cmp(&b.approval_stages),
            SortColumn::Expiration => text(&a.expiration, &b.expiration),
            SortColumn::Review => a.review.cmp(&b.review),
            SortColumn::Created => a.created.cmp(&b.created),
            SortColumn::Modified => a.modified.cmp(&b.modified),
        }
    }
}

/// The list's view: every field maps to one URL query parameter.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListView {
    pub search: String,
    pub catalog: Option<String>,
    /// Access package id.
    pub package: Option<String>,
    pub audience: Option<Audience>,
    pub needs_approval: Option<bool>,
    pub has_review: Option<bool>,
    pub sort: SortColumn,
    pub descending: bool,
}

impl ListView {
    /// Reads `?q=…&catalog=…&package=…&who=…&approval=yes|no&review=yes|no&sort=col&dir=desc`.
    /// Unknown or malformed values are ignored rather than failing the page.
    pub fn from_query_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> ListView {
        let mut view = ListView::default();
        for (key, value) in pairs {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match key {
                "q" => view.search = value.to_owned(),
                "catalog" => view.catalog = Some(value.to_owned()),
                "package" => view.package = Some(value.to_owned()),
                "who" => view.audience = Audience::from_slug(value),
                "approval" => view.needs_approval = yes_no(value),
                "review" => view.has_review = yes_no(value),
                "sort" => view.sort = SortColumn::from_slug(value).unwrap_or_default(),
                "dir" => view.descending = value == "desc",
                _ => {}
            }
        }
        view
    }

    /// The query pairs for this view, leaving out defaults so links stay short.
    pub fn to_query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if !self.search.trim().is_empty() {
            pairs.push(("q", self.search.clone()));
        }
        if let Some(c) = &self.catalog {
            pairs.push(("catalog", c.clone()));
        }
        if let Some(p) = &self.package {
            pairs.push(("package", p.clone()));
        }
        if let Some(a) = self.audience {
            pairs.push(("who", a.slug().to_owned()));
        }
        if let Some(b) = self.needs_approval {
            pairs.push(("approval", yes_no_text(b).to_owned()));
        }
        if let Some(b) = self.has_review {
            pairs.push(("review", yes_no_text(b).to_owned()));
        }
        if self.sort != SortColumn::default() {
            pairs.push(("sort", self.sort.slug().to_owned()));
        }
        if self.descending {
            pairs.push(("dir", "desc".to_owned()));
        }
        pairs
    }

    pub fn is_filtered(&self) -> bool {
        !self.search.trim().is_empty()
            || self.catalog.is_some()
            || self.package.is_some()
            || self.audience.is_some()
            || self.needs_approval.is_some()
            || self.has_review.is_some()
    }

    fn matches(&self, row: &PolicyRow, words: &[String]) -> bool {
        words.iter().all(|w| row.search_text.contains(w.as_str()))
            && self.catalog.as_ref().is_none_or(|c| &row.catalog == c)
            && self.package.as_ref().is_none_or(|p| &row.package_id == p)
            && self.audience.is_none_or(|a| row.audience == a)
            && self
                .needs_approval
                .is_none_or(|b| (row.approval_stages > 0) == b)
            && self.has_review.is_none_or(|b| row.review == b)
    }

    /// Indexes into `rows` of what to show, in display order. Ties keep load order, so the list does
    /// not shuffle while pages arrive.
    pub fn apply(&self, rows: &[PolicyRow]) -> Vec<usize> {
        let words: Vec<String> = self
            .search
            .to_lowercase()
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        let mut shown: Vec<usize> = (0..rows.len())
            .filter(|&i| self.matches(&rows[i], &words))
            .collect();
        shown.sort_by(|&a, &b| {
            let order = self.sort.compare(&rows[a], &rows[b]);
            if self.descending {
                order.reverse()
            } else {
                order
            }
        });
        shown
    }
}

fn yes_no(value: &str) -> Option<bool> {
    match value {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

fn yes_no_text(value: bool) -> &'static str {
    if value {
        "yes"
    } else {
        "no"
    }
}

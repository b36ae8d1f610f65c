//! The names the page knows so far, and how one subject (approver, reviewer, target) is shown.

use std::collections::HashMap;

use leptos::prelude::*;
use policy_model::{
    detail::{
        subject_phrase,
        summary::{short_id, subject_kind_label},
        PrincipalKind, PrincipalRef,
    },
    SubjectSet,
};

use crate::graph::{GraphClientError, Resolution};

/// What the page knows about the ids the policy names.
#[derive(Debug, Clone, Default)]
pub struct Names {
    pub known: HashMap<String, Resolution>,
    /// Kinds of the ids, from the policy (to word "deleted group …" correctly).
    pub kinds: HashMap<String, PrincipalKind>,
    /// Look-ups still on their way.
    pub loading: bool,
    /// Why some names could not be looked up at all.
    pub failure: Option<GraphClientError>,
}

impl Names {
    pub fn for_principals(principals: &[PrincipalRef]) -> Names {
        Names {
            kinds: principals.iter().map(|p| (p.id.clone(), p.kind)).collect(),
            ..Names::default()
        }
    }

    /// The name to show for an id: its display name, a "deleted or inaccessible …" label, or
    /// `None` while unknown.
    pub fn lookup(&self, id: &str) -> Option<String> {
        match self.known.get(id)? {
            Resolution::Named { name, .. } => Some(name.clone()),
            Resolution::Deleted => Some(self.deleted_label(id)),
        }
    }

    pub fn deleted_label(&self, id: &str) -> String {
        let noun = self.kinds.get(id).map_or("object", |k| k.noun());
        format!("deleted or inaccessible {noun} {}", short_id(id))
    }
}

/// The object id a subject names, if any.
pub fn subject_id(subject: &SubjectSet) -> Option<String> {
    PrincipalRef::of_subject(subject).map(|p| p.id)
}

/// One subject: kind label and name (or what it stands for), flagged when deleted.
#[component]
pub fn Principal(subject: SubjectSet, names: Signal<Names>) -> impl IntoView {
    let label = subject_kind_label(&subject);
    let id = subject_id(&subject);
    let deleted = {
        let id = id.clone();
        move || {
            id.as_ref().is_some_and(|id| {
                names.with(|n| matches!(n.known.get(id), Some(Resolution::Deleted)))
            })
        }
    };
    let text = {
        let id = id.clone();
        move || {
            names.with(|n| match id.as_deref().map(|id| (id, n.known.get(id))) {
                // Subjects relative to the request ("the requestor's manager") need no look-up.
                None => capitalize(&subject_phrase(&subject, &|_| None)),
                Some((_, Some(Resolution::Named { name, .. }))) => name.clone(),
                Some((id, Some(Resolution::Deleted))) => capitalize(&n.deleted_label(id)),
                Some((id, None)) if n.loading => format!("Looking up {}…", short_id(id)),
                Some((id, None)) => id.to_owned(),
            })
        }
    };
    let detail = {
        let id = id.clone();
        move || {
            id.as_ref().and_then(|id| {
                names.with(|n| match n.known.get(id) {
                    Some(Resolution::Named { detail, .. }) => detail.clone(),
                    _ => None,
                })
            })
        }
    };
    let title = id.clone().map(|id| format!("Object id {id}"));
    view! {
        <li
            class="principal"
            class:deleted=deleted.clone()
            data-testid="principal"
            data-principal-id=id
            data-deleted=move || deleted().then_some("true")
            title=title
        >
            <span class="principal-kind">{label}</span>
            " "
            <span class="principal-name">{text}</span>
            {move || detail().map(|d| view! { " " <span class="principal-detail">{d}</span> })}
        </li>
    }
}

/// A list of subjects, or "None" when empty.
#[component]
pub fn PrincipalList(subjects: Vec<SubjectSet>, names: Signal<Names>) -> impl IntoView {
    if subjects.is_empty() {
        return view! { <span class="none">"None"</span> }.into_any();
    }
    view! {
        <ul class="principals">
            {subjects
                .into_iter()
                .map(|subject| view! { <Principal subject=subject names=names/> })
                .collect_view()}
        </ul>
    }
    .into_any()
}

pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

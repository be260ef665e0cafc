//! `masthead`: the site's lines at the top of a page — its name, its tagline,
//! a tag above the headline, a breadcrumb glued to the headline, a site name
//! appended to it — each with the message its role calls for. Which lines
//! they are is the document's reading of the page's top
//! (`document::masthead`); this rule reports them.

use serde::Deserialize;

use super::compile::{Compiler, RuleMeta};
use super::text::render;
use super::{Context, Rule, Sink};
use crate::document::MastheadRole;

/// A `masthead` rule reads no options beyond the common ones.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {}

pub struct Masthead {
    meta: RuleMeta,
}

pub fn compile(_cx: &mut Compiler<'_>, _raw: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    Some(Box::new(Masthead { meta }))
}

fn describe(role: MastheadRole) -> (&'static str, &'static str) {
    match role {
        MastheadRole::SiteName => (
            "above the headline looks like a site name",
            "delete the line",
        ),
        MastheadRole::Tagline => (
            "under the site's name looks like its tagline",
            "delete the line",
        ),
        MastheadRole::Label => (
            "above the headline is a tag or section label of the page, not part of the article",
            "delete the line if the article does not need it",
        ),
        MastheadRole::Breadcrumb => (
            "before the headline is the page's section path; the headline follows on its own",
            "delete the section path",
        ),
        MastheadRole::TitleSuffix => (
            "after the headline looks like the site's name, appended by the page title",
            "delete it from the headline",
        ),
    }
}

impl Rule for Masthead {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for line in &cx.doc.masthead {
            let found = cx.doc.slice(&line.range);
            let (what, help) = describe(line.role);
            let message = match &self.meta.message {
                Some(t) => render(t, &[("found", found)]),
                None => format!("'{found}' {what}"),
            };
            out.push(self.meta.diag(line.range.clone(), message).with_help(help));
        }
    }
}

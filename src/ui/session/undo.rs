//! Undo and redo: the document before each edit, edits close in time
//! making one step.

use leptos::prelude::*;

use super::Session;
use crate::engine::document::quote::Quote;
use crate::ui::browser;
use crate::ui::state::AppState;

/// Most undo steps kept.
const UNDO_DEPTH: usize = 200;
/// Edits closer than this (ms) make one undo step (typing a number).
const COALESCE_MS: f64 = 800.0;

impl Session {
    pub(super) fn clear_history(self) {
        self.undo.set_value(Vec::new());
        self.redo.set_value(Vec::new());
        self.can_undo.set(false);
        self.can_redo.set(false);
    }

    pub(super) fn record(self, previous: Quote) {
        let now = browser::now_ms();
        let recent = now - self.last_edit.get_value() < COALESCE_MS;
        self.last_edit.set_value(now);
        self.undo.update_value(|u| {
            if !recent || u.is_empty() {
                u.push(previous);
                if u.len() > UNDO_DEPTH {
                    u.remove(0);
                }
            }
        });
        self.redo.set_value(Vec::new());
        self.can_undo.set(true);
        self.can_redo.set(false);
    }

    pub fn undo(self, state: AppState) {
        let Some(previous) = self.undo.try_update_value(|u| u.pop()).flatten() else {
            return;
        };
        self.redo
            .update_value(|r| r.push(state.quote.get_untracked()));
        self.last_edit.set_value(0.0);
        self.replace(state, previous);
        self.can_undo.set(self.undo.with_value(|u| !u.is_empty()));
        self.can_redo.set(true);
    }

    pub fn redo(self, state: AppState) {
        let Some(next) = self.redo.try_update_value(|r| r.pop()).flatten() else {
            return;
        };
        self.undo
            .update_value(|u| u.push(state.quote.get_untracked()));
        self.last_edit.set_value(0.0);
        self.replace(state, next);
        self.can_redo.set(self.redo.with_value(|r| !r.is_empty()));
        self.can_undo.set(true);
    }
}

//! The next-move decision tree: walking it with the engineer's answers, one question at a
//! time, to a suggested path. Trees only exist validated, so every link resolves.

use serde::Serialize;
use ts_rs::TS;

use super::{DecisionTree, TreeNode, TreePath};

/// Where a walk through the tree stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Step {
    /// The next question to answer. `answered` counts the answers used to get here; an
    /// answer index the question does not have stops the walk at that question.
    Question { answered: u32, node: TreeNode },
    /// The suggestion the answers lead to; answers after it are not used.
    Path { answered: u32, path: TreePath },
}

impl DecisionTree {
    /// The id of the first question.
    pub fn start(&self) -> &str {
        &self.start
    }

    pub fn nodes(&self) -> &[TreeNode] {
        &self.nodes
    }

    pub fn paths(&self) -> &[TreePath] {
        &self.paths
    }

    pub fn node(&self, id: &str) -> Option<&TreeNode> {
        self.nodes.iter().find(|n| n.id == id)
    }

    pub fn path(&self, id: &str) -> Option<&TreePath> {
        self.paths.iter().find(|p| p.id == id)
    }

    /// Follows `answers` (indexes into each question's answers) from the first question.
    pub fn walk(&self, answers: &[usize]) -> Step {
        let mut node = self.node(&self.start).expect("a validated tree has its start question");
        for (answered, &choice) in answers.iter().enumerate() {
            let Some(answer) = node.answers.get(choice) else {
                return question(answered, node);
            };
            if let Some(path) = answer.path.as_deref().and_then(|id| self.path(id)) {
                return Step::Path { answered: answered as u32 + 1, path: path.clone() };
            }
            match answer.next.as_deref().and_then(|id| self.node(id)) {
                Some(next) => node = next,
                None => return question(answered, node),
            }
        }
        question(answers.len(), node)
    }
}

fn question(answered: usize, node: &TreeNode) -> Step {
    Step::Question { answered: answered as u32, node: node.clone() }
}

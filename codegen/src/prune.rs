//! Step 4, prune: keep only the component schemas the selected operations reach, so four
//! attachment calls do not drag in the models of the whole API.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use indexmap::IndexMap;
use openapiv3::{OpenAPI, ReferenceOr, Schema};

use crate::error::{Error, pointer, schema_key};
use crate::ir::Api;
use crate::resolve::Node;
use crate::walk;

/// What the selected operations reach.
pub struct Reachable {
    /// The schemas to hand to the model generator: reachable components in document order,
    /// then the lifted inline schemas.
    pub schemas: IndexMap<String, ReferenceOr<Schema>>,
    /// For each of them, the component schemas it refers to, at any depth within it.
    pub refers: BTreeMap<String, BTreeSet<String>>,
}

/// The schemas the selected operations and `extra_roots` (component schemas) reach, and how
/// they refer to each other.
pub fn reachable(doc: &OpenAPI, api: &Api, extra_roots: &[String]) -> Result<Reachable, Error> {
    let components = doc.components.as_ref().map(|c| &c.schemas);
    let mut wanted = BTreeSet::new();
    let mut refers: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut queue = VecDeque::new();
    let mut visit = |name: &str, queue: &mut VecDeque<String>| {
        if wanted.insert(name.to_owned()) {
            queue.push_back(name.to_owned());
        }
    };

    for op in &api.operations {
        let mut roots = Vec::new();
        for (_, ty) in op.types() {
            ty.models(&mut roots);
        }
        for root in roots {
            visit(&root, &mut queue);
        }
    }
    for root in extra_roots {
        visit(root, &mut queue);
    }

    while let Some(name) = queue.pop_front() {
        let (schema, at) = if let Some((at, schema)) = api.lifted.get(&name) {
            (Node::Schema(schema), at.clone())
        } else {
            let at = pointer(["components", "schemas", name.as_str()]);
            let schema = components
                .and_then(|c| c.get(&name))
                .ok_or_else(|| Error::at(at.clone(), "schema not found"))?;
            (Node::from(schema), at)
        };
        let mut refs = Vec::new();
        walk::references(schema, &mut refs);
        let mut targets = BTreeSet::new();
        for reference in refs {
            let key = schema_key(reference)
                .filter(|key| components.is_some_and(|c| c.contains_key(*key)))
                .ok_or_else(|| {
                    Error::at(at.clone(), format!("`{reference}` does not name a schema"))
                })?;
            visit(key, &mut queue);
            targets.insert(key.to_owned());
        }
        refers.insert(name, targets);
    }

    let mut schemas = IndexMap::new();
    if let Some(components) = components {
        for (name, schema) in components {
            if wanted.contains(name) {
                schemas.insert(name.clone(), schema.clone());
            }
        }
    }
    for (name, (_, schema)) in &api.lifted {
        if wanted.contains(name) {
            schemas.insert(name.clone(), ReferenceOr::Item(schema.clone()));
        }
    }
    Ok(Reachable { schemas, refers })
}

//! Step 1b, repair: known quirks of upstream documents, fixed on the ordered tree `read` loads,
//! before the strict openapiv3 parse. The document on disk is never edited; every repair is
//! reported (as a `cargo:warning` by `build.rs`) with the JSON pointer it touched.

use yaml_rust2::Yaml;

use crate::error::pointer;
use crate::read::key_text;

/// One repair the generator made, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repair {
    /// JSON pointer of the repaired node.
    pub pointer: String,
    /// What was wrong and what the generator did about it.
    pub what: String,
}

/// Applies every known repair to the tree and lists what was changed.
pub fn repair(tree: &mut Yaml) -> Vec<Repair> {
    let mut repairs = Vec::new();
    let mut path = Vec::new();
    required_flags_in_properties(tree, &mut path, &mut repairs);
    repairs
}

fn key(text: &str) -> Yaml {
    Yaml::String(text.to_owned())
}

/// Some documents mark an object property as `required: true` inside the property's own schema
/// (a Swagger 2 habit). In OpenAPI 3.0 `required` on a schema is the list of required property
/// names, so a boolean there is invalid. The flag is moved to the parent's `required` list.
fn required_flags_in_properties(node: &mut Yaml, path: &mut Vec<String>, out: &mut Vec<Repair>) {
    match node {
        Yaml::Hash(map) => {
            let mut newly_required = Vec::new();
            if let Some(Yaml::Hash(properties)) = map.get_mut(&key("properties")) {
                for (name, property) in properties.iter_mut() {
                    let Some(name) = key_text(name) else {
                        continue;
                    };
                    let Yaml::Hash(object) = property else {
                        continue;
                    };
                    let Some(Yaml::Boolean(flag)) = object.get(&key("required")).cloned() else {
                        continue;
                    };
                    object.remove(&key("required"));
                    let at = pointer(path.iter().map(String::as_str).chain([
                        "properties",
                        name.as_str(),
                        "required",
                    ]));
                    let what = if flag {
                        newly_required.push(name.clone());
                        format!(
                            "boolean `required: true` inside the schema of property `{name}`; \
                             moved to the parent schema's `required` list"
                        )
                    } else {
                        format!(
                            "boolean `required: false` inside the schema of property `{name}`; removed"
                        )
                    };
                    out.push(Repair { pointer: at, what });
                }
            }
            if !newly_required.is_empty() {
                let list = map
                    .entry(key("required"))
                    .or_insert_with(|| Yaml::Array(Vec::new()));
                if let Yaml::Array(list) = list {
                    for name in newly_required {
                        if !list.iter().any(|v| v.as_str() == Some(&name)) {
                            list.push(Yaml::String(name));
                        }
                    }
                }
            }
            for (name, child) in map.iter_mut() {
                path.push(key_text(name).unwrap_or_default());
                required_flags_in_properties(child, path, out);
                path.pop();
            }
        }
        Yaml::Array(items) => {
            for (index, child) in items.iter_mut().enumerate() {
                path.push(index.to_string());
                required_flags_in_properties(child, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn moves_boolean_required_to_the_parent_list() {
        let mut tree = crate::read::from_value(
            &json!({"components": {"parameters": {"f": {"schema": {
                "type": "object",
                "properties": {"a.b": {"type": "string", "required": true}, "c": {"required": false}}
            }}}}}),
        );
        let repairs = repair(&mut tree);
        let tree: serde_json::Value =
            serde_json::from_str(&crate::read::to_json_text(&tree).unwrap()).unwrap();
        let schema = &tree["components"]["parameters"]["f"]["schema"];
        assert_eq!(schema["required"], json!(["a.b"]));
        assert!(schema["properties"]["a.b"].get("required").is_none());
        assert!(schema["properties"]["c"].get("required").is_none());
        assert_eq!(
            repairs[0].pointer,
            "/components/parameters/f/schema/properties/a.b/required"
        );
        assert_eq!(repairs.len(), 2);
    }
}

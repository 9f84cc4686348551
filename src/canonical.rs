//! Hash maps and sets written in sorted order.
//!
//! The batch's facts live in hash maps, whose order follows the order the
//! pages' facts were merged in, and that order follows the thread count
//! and the shards. Written sorted, the same facts are the same bytes
//! whatever order built them, so a facts file is stable across runs and
//! `-j`, and merged shards can be compared with a full run byte for byte.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hash};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A map as a list of `[key, value]` pairs, sorted by key.
pub(crate) mod sorted_map {
    use super::*;

    pub(crate) fn serialize<K, V, H, S>(map: &HashMap<K, V, H>, serializer: S) -> Result<S::Ok, S::Error>
    where
        K: Ord + Serialize,
        V: Serialize,
        S: Serializer,
    {
        let mut pairs: Vec<(&K, &V)> = map.iter().collect();
        pairs.sort_unstable_by(|a, b| a.0.cmp(b.0));
        serializer.collect_seq(pairs)
    }

    pub(crate) fn deserialize<'de, K, V, H, D>(deserializer: D) -> Result<HashMap<K, V, H>, D::Error>
    where
        K: Eq + Hash + Deserialize<'de>,
        V: Deserialize<'de>,
        H: BuildHasher + Default,
        D: Deserializer<'de>,
    {
        Ok(Vec::<(K, V)>::deserialize(deserializer)?.into_iter().collect())
    }
}

/// A set as a sorted list.
pub(crate) mod sorted_set {
    use super::*;

    pub(crate) fn serialize<T, H, S>(set: &HashSet<T, H>, serializer: S) -> Result<S::Ok, S::Error>
    where
        T: Ord + Serialize,
        S: Serializer,
    {
        let mut items: Vec<&T> = set.iter().collect();
        items.sort_unstable();
        serializer.collect_seq(items)
    }

    pub(crate) fn deserialize<'de, T, H, D>(deserializer: D) -> Result<HashSet<T, H>, D::Error>
    where
        T: Eq + Hash + Deserialize<'de>,
        H: BuildHasher + Default,
        D: Deserializer<'de>,
    {
        Ok(Vec::<T>::deserialize(deserializer)?.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use rustc_hash::{FxHashMap, FxHashSet};
    use serde::{Deserialize, Serialize};

    #[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
    struct Both {
        #[serde(with = "super::sorted_map")]
        map: FxHashMap<String, u32>,
        #[serde(with = "super::sorted_set")]
        set: FxHashSet<u64>,
    }

    #[test]
    fn insertion_order_does_not_reach_the_bytes() {
        let mut one = Both::default();
        let mut other = Both::default();
        for k in 0..100u32 {
            one.map.insert(format!("w{k}"), k);
            one.set.insert(u64::from(k) * 7919);
            other.map.insert(format!("w{}", 99 - k), 99 - k);
            other.set.insert(u64::from(99 - k) * 7919);
        }
        let (a, b) = (serde_json::to_string(&one).unwrap(), serde_json::to_string(&other).unwrap());
        assert_eq!(a, b);
        assert!(a.starts_with(r#"{"map":[["w0",0],["w1",1],["w10",10]"#), "{a}");
        assert_eq!(serde_json::from_str::<Both>(&a).unwrap(), one);
    }
}

//! The static city from its places, stores and suppliers, generated or
//! listed: buildings numbered depth-first, each place's range of buildings
//! and population, suppliers' districts, and the stores each building
//! shops at.

use super::check::{R, problem};
use super::locate::KeyPath;
use crate::message;
use crate::model::config::{self as m, Level};

/// A place before building numbering.
pub(super) struct Node {
    pub(super) name: String,
    pub(super) level: Level,
    pub(super) parent: Option<usize>,
    pub(super) size: u64,
    pub(super) children: Vec<usize>,
    pub(super) path: KeyPath,
}

/// A store before assembly.
pub(super) struct StoreSpec {
    pub(super) name: String,
    pub(super) place: usize,
    pub(super) supplier: usize,
    pub(super) staff: u32,
    pub(super) vans: u32,
}

/// Numbers buildings depth-first, fills place ranges and populations,
/// assigns buildings to stores.
pub(super) fn assemble(
    nodes: Vec<Node>,
    specs: Vec<StoreSpec>,
    mut suppliers: Vec<m::Supplier>,
) -> R<m::City> {
    let root = KeyPath::root();
    let districts_nodes: Vec<usize> = (0..nodes.len())
        .filter(|&i| nodes[i].level == Level::District)
        .collect();
    if districts_nodes.is_empty() {
        return problem(&root.key("places"), message!(SC_NO_DISTRICT));
    }
    let mut places: Vec<m::Place> = nodes
        .iter()
        .map(|n| m::Place {
            name: n.name.clone(),
            level: n.level,
            parent: n.parent,
            district: 0,
            first: 0,
            end: 0,
            population: 0,
        })
        .collect();
    let mut buildings: Vec<m::Building> = Vec::new();
    // Iterative depth-first walk, children in listed order.
    fn walk(
        i: usize,
        d: usize,
        nodes: &[Node],
        places: &mut [m::Place],
        buildings: &mut Vec<m::Building>,
    ) {
        let mut stack = vec![(i, false)];
        while let Some((n, done)) = stack.pop() {
            if done {
                places[n].end = buildings.len();
                places[n].population = nodes[n]
                    .children
                    .iter()
                    .map(|&c| places[c].population)
                    .sum::<u64>()
                    + if matches!(nodes[n].level, Level::Building | Level::Site) {
                        nodes[n].size
                    } else {
                        0
                    };
                continue;
            }
            places[n].district = d;
            places[n].first = buildings.len();
            if matches!(nodes[n].level, Level::Building | Level::Site) {
                buildings.push(m::Building {
                    place: n,
                    district: d,
                    residents: nodes[n].size as u32,
                    households: 0,
                    store: 0,
                    next: [m::Building::NO_STORE; 2],
                });
            }
            stack.push((n, true));
            for &c in nodes[n].children.iter().rev() {
                stack.push((c, false));
            }
        }
    }
    for (d, &di) in districts_nodes.iter().enumerate() {
        walk(di, d, &nodes, &mut places, &mut buildings);
    }
    if buildings.is_empty() {
        return problem(&root.key("places"), message!(SC_NO_BUILDING));
    }
    for n in &nodes {
        if n.level == Level::Compound && n.children.is_empty() {
            return problem(&n.path, message!(SC_COMPOUND_EMPTY, name = n.name));
        }
    }
    // Supplier districts: explicit ones hold a place index; map to district index.
    for s in &mut suppliers {
        if let Some(p) = s.district {
            if p < places.len() && places[p].level == Level::District && districts_nodes.len() > 1 {
                s.district = Some(places[p].district);
            } else if p < places.len() && places[p].level == Level::District {
                s.district = Some(0);
            }
        }
    }
    if specs.is_empty() {
        return problem(&root.key("stores"), message!(SC_NO_STORE));
    }
    if !suppliers.iter().any(|s| s.is_depot()) {
        return problem(&root.key("suppliers"), message!(SC_NO_DEPOT));
    }
    // Stores under each place (a store counts for its place and every ancestor).
    let mut under: Vec<Vec<usize>> = vec![Vec::new(); places.len()];
    for (si, s) in specs.iter().enumerate() {
        let mut p = Some(s.place);
        while let Some(x) = p {
            under[x].push(si);
            p = places[x].parent;
        }
    }
    // Each building shops at a store of its nearest enclosing place that
    // has one (spread over that place's stores), and tries up to two more,
    // nearest first, when its own is sealed or empty.
    let all: Vec<usize> = (0..specs.len()).collect();
    for (bi, b) in buildings.iter_mut().enumerate() {
        let mut picks: Vec<usize> = Vec::with_capacity(3);
        let mut p = places[b.place].parent;
        let lists = std::iter::from_fn(|| {
            let x = p?;
            p = places[x].parent;
            Some(&under[x])
        });
        for list in lists.chain(std::iter::once(&all)) {
            for k in 0..list.len() {
                let s = list[(bi + k) % list.len()];
                if !picks.contains(&s) {
                    picks.push(s);
                }
                if picks.len() == 3 {
                    break;
                }
            }
            if picks.len() == 3 {
                break;
            }
        }
        b.store = picks[0];
        for (slot, s) in b.next.iter_mut().zip(picks.iter().skip(1)) {
            *slot = *s as u32;
        }
    }
    let mut stores: Vec<m::Store> = specs
        .into_iter()
        .map(|s| m::Store {
            name: s.name,
            place: s.place,
            district: places[s.place].district,
            supplier: s.supplier,
            staff: s.staff,
            vans: s.vans,
            served: 0,
        })
        .collect();
    for b in &buildings {
        stores[b.store].served += u64::from(b.residents);
    }
    let population = buildings.iter().map(|b| u64::from(b.residents)).sum();
    Ok(m::City {
        tree: m::PlaceTree::new(&places),
        places,
        districts: districts_nodes,
        buildings,
        stores,
        suppliers,
        population,
    })
}

//! "Did you mean …?": the nearest of a set of names to a misspelt one.
//!
//! Names are compared after folding traditional characters to simplified
//! ones ([`simplified`], a table of the characters common in place, store
//! and supplier names), case and width, so that `华林社區` finds `华林社区`
//! and `华林社` finds it too (one character left out). Keys and table names
//! (`[[store]]`) go through [`nearest_key`], which prefers a name the
//! misspelling is the start of (`stores` for `store`, not `score`).

use super::error::{Arg, Message};
use crate::i18n::msg;

/// Traditional characters and their simplified forms, for comparison
/// only: the characters of Chinese place and business names that differ.
#[rustfmt::skip]
const TRADITIONAL: &[(char, char)] = &[
    ('區', '区'), ('華', '华'), ('龍', '龙'), ('樓', '楼'), ('門', '门'), ('東', '东'),
    ('陽', '阳'), ('灣', '湾'), ('臺', '台'), ('號', '号'), ('園', '园'), ('廣', '广'),
    ('場', '场'), ('鎮', '镇'), ('鄉', '乡'), ('縣', '县'), ('庫', '库'), ('倉', '仓'),
    ('貨', '货'), ('應', '应'), ('儲', '储'), ('備', '备'), ('農', '农'), ('產', '产'),
    ('業', '业'), ('發', '发'), ('廠', '厂'), ('醫', '医'), ('學', '学'), ('國', '国'),
    ('興', '兴'), ('滬', '沪'), ('寧', '宁'), ('漢', '汉'), ('莊', '庄'), ('鄭', '郑'),
    ('陳', '陈'), ('張', '张'), ('劉', '刘'), ('楊', '杨'), ('趙', '赵'), ('黃', '黄'),
    ('萬', '万'), ('豐', '丰'), ('勝', '胜'), ('樂', '乐'), ('歡', '欢'), ('藝', '艺'),
    ('團', '团'), ('隊', '队'), ('營', '营'), ('運', '运'), ('輸', '输'), ('車', '车'),
    ('馬', '马'), ('鳥', '鸟'), ('魚', '鱼'), ('雞', '鸡'), ('糧', '粮'), ('麵', '面'),
    ('壩', '坝'), ('橋', '桥'), ('濱', '滨'), ('瀋', '沈'), ('蘇', '苏'), ('閩', '闽'),
    ('遼', '辽'), ('貴', '贵'), ('雲', '云'), ('嶺', '岭'), ('嶽', '岳'), ('島', '岛'),
    ('關', '关'), ('僑', '侨'), ('錦', '锦'), ('繡', '绣'), ('鳳', '凤'), ('龜', '龟'),
    ('壽', '寿'), ('寶', '宝'), ('鐵', '铁'), ('鋼', '钢'), ('銀', '银'), ('錢', '钱'),
    ('舊', '旧'), ('經', '经'), ('濟', '济'), ('開', '开'), ('灘', '滩'), ('陸', '陆'),
    ('廈', '厦'), ('匯', '汇'), ('慶', '庆'), ('橫', '横'), ('長', '长'), ('紅', '红'),
    ('綠', '绿'), ('藍', '蓝'), ('會', '会'), ('員', '员'), ('點', '点'), ('現', '现'),
    ('總', '总'), ('連', '连'), ('鎖', '锁'), ('購', '购'), ('買', '买'), ('賣', '卖'),
    ('銷', '销'), ('鮮', '鲜'), ('凍', '冻'), ('藥', '药'), ('電', '电'), ('氣', '气'),
    ('風', '风'), ('來', '来'), ('時', '时'), ('間', '间'), ('還', '还'), ('進', '进'),
    ('遠', '远'), ('達', '达'), ('邊', '边'), ('環', '环'), ('線', '线'), ('條', '条'),
    ('層', '层'), ('單', '单'), ('棟', '栋'), ('齊', '齐'), ('聯', '联'), ('協', '协'),
    ('處', '处'), ('務', '务'), ('衛', '卫'), ('計', '计'), ('劃', '划'), ('訂', '订'),
    ('設', '设'), ('護', '护'), ('鄰', '邻'), ('裡', '里'), ('裏', '里'), ('麗', '丽'),
    ('嶼', '屿'), ('澤', '泽'), ('濤', '涛'), ('潤', '润'), ('滿', '满'), ('溝', '沟'),
    ('彎', '弯'), ('驛', '驿'), ('館', '馆'), ('滙', '汇'), ('樹', '树'), ('蘭', '兰'),
    ('葉', '叶'), ('榮', '荣'), ('億', '亿'), ('貿', '贸'), ('實', '实'), ('體', '体'),
    ('廳', '厅'), ('戶', '户'), ('觀', '观'), ('塊', '块'), ('壇', '坛'), ('墳', '坟'),
    ('廟', '庙'), ('書', '书'), ('畫', '画'), ('鐘', '钟'), ('閣', '阁'), ('亞', '亚'),
    ('歐', '欧'), ('韓', '韩'), ('於', '于'), ('與', '与'), ('為', '为'), ('個', '个'),
    ('們', '们'), ('這', '这'), ('義', '义'), ('烏', '乌'), ('魯', '鲁'), ('晉', '晋'),
    ('陝', '陕'), ('贛', '赣'), ('粵', '粤'), ('瓊', '琼'), ('閔', '闵'), ('靜', '静'),
    ('閘', '闸'), ('濰', '潍'), ('臨', '临'), ('煙', '烟'), ('蕪', '芜'), ('頭', '头'),
    ('順', '顺'),
];

/// `s` with traditional characters made simplified, full-width letters
/// and digits made half-width, and ASCII letters made lowercase: the form
/// in which names are compared.
pub fn simplified(s: &str) -> String {
    s.chars()
        .map(|c| {
            if let Some(&(_, simple)) = TRADITIONAL.iter().find(|(t, _)| *t == c) {
                return simple;
            }
            // Full-width ASCII (Ｗ, ３) is U+FF01..U+FF5E.
            let c = match c as u32 {
                0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                _ => c,
            };
            c.to_ascii_lowercase()
        })
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Levenshtein distance between two short strings, in characters; work
/// is bounded (a name longer than 200 characters is compared on its first
/// 200).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(200).collect();
    let b: Vec<char> = b.chars().take(200).collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// How far apart two names may be to count as a slip: one character in a
/// short name, two in a longer one, three in a long one.
fn tolerance(len: usize) -> usize {
    match len {
        0..=1 => 0,
        2..=5 => 1,
        6..=10 => 2,
        _ => 3,
    }
}

/// The name of `names` nearest to `given`, if one is near enough to be
/// what was meant: the same once traditional characters are made
/// simplified, or within a slip of a character or two. Ties go to the
/// first listed. At most 2,000,000 names are looked at.
pub fn nearest<'a>(given: &str, names: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let g = simplified(given);
    let glen = g.chars().count();
    let tol = tolerance(glen);
    let mut best: Option<(usize, &'a str)> = None;
    for name in names.into_iter().take(2_000_000) {
        if name == given {
            continue;
        }
        let n = simplified(name);
        let nlen = n.chars().count();
        if nlen.abs_diff(glen) > tol {
            continue;
        }
        let d = if n == g { 0 } else { edit_distance(&g, &n) };
        if d <= tol.max(usize::from(d == 0)) && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, name));
            if d == 0 {
                break;
            }
        }
    }
    best.map(|(_, n)| n)
}

/// The key or table name of `valid` nearest to `given`, if one is near:
/// within two edits (three for a long name), a name that `given` is the
/// start of (or that is the start of `given`) first, then one of the same
/// shape (`[[x]]` for a list of tables, when `lists` names them), then the
/// nearest.
pub fn nearest_key<'a>(given: &str, valid: &[&'a str], lists: &[&str]) -> Option<&'a str> {
    let g = simplified(given);
    valid
        .iter()
        .map(|v| {
            let d = edit_distance(&g, v);
            let prefix = v.starts_with(g.as_str()) || g.starts_with(*v);
            let shape = lists.contains(v);
            (d, !prefix, !shape, *v)
        })
        .filter(|(d, ..)| *d <= 2 || g.len() > 6 && *d <= 3)
        .min()
        .map(|(.., v)| v)
}

/// `message`, followed by "did you mean `x`?" when `x` is given.
pub fn with_hint(message: Message, mean: Option<&str>) -> Message {
    match mean {
        None => message,
        Some(m) => Message::new(&msg::SC_DID_YOU_MEAN)
            .arg("message", Arg::Message(Box::new(message)))
            .arg("mean", Arg::Plain(m.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_and_missing_characters_find_the_place() {
        let names = ["华林街道", "华林社区", "鼓楼区"];
        assert_eq!(nearest("华林社區", names), Some("华林社区"));
        assert_eq!(nearest("华林社", names), Some("华林社区"));
        assert_eq!(nearest("鼓樓區", names), Some("鼓楼区"));
        assert_eq!(nearest("仓山区", names), None);
        assert_eq!(nearest("Ｗ-D1", ["W-D1", "W-D2"]), Some("W-D1"));
    }

    #[test]
    fn the_table_maps_each_character_once_to_another() {
        for (i, (t, s)) in TRADITIONAL.iter().enumerate() {
            assert_ne!(t, s);
            assert!(!TRADITIONAL[..i].iter().any(|(u, _)| u == t), "{t} twice");
        }
    }

    #[test]
    fn table_names_prefer_the_longer_form_of_the_same_word() {
        let valid = ["scenario", "goods", "stores", "score", "suppliers"];
        let lists = ["goods", "stores", "suppliers"];
        assert_eq!(nearest_key("store", &valid, &lists), Some("stores"));
        assert_eq!(nearest_key("scor", &valid, &lists), Some("score"));
        assert_eq!(nearest_key("zzzzzz", &valid, &lists), None);
    }
}

//! `baogong scenarios`: the built-in scenarios and what they test.

use super::{Failure, print};
use baogong::i18n::Lang;
use baogong::report::{
    self,
    table::{Align, Table},
};
use baogong::scenario::shipped;
use baogong::t;

pub(crate) fn list(lang: Lang) -> Result<(), Failure> {
    let mut o = t!(lang, SCENARIOS_TITLE);
    o.push('\n');
    let mut tb = Table::with_header(
        vec![
            t!(lang, SCENARIOS_COL_NAME),
            t!(lang, SCENARIOS_COL_DESCRIPTION),
        ],
        vec![Align::Left, Align::Left],
    );
    for s in shipped::ALL {
        tb.row([
            s.name.to_string(),
            report::description(s.name, &s.description(), lang),
        ]);
    }
    o.push_str(&tb.render("  "));
    print(&o, lang)
}

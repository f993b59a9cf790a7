//! Words every output shares: levels of places, terms of the score, cost
//! items, verdicts of a comparison, goods, units.

crate::catalogue! {
    // ---- levels of places (DOMAIN.md: 楼栋 ⊂ 小区 ⊂ 村(居) ⊂ 乡镇(街道) ⊂ 县(区))
    LEVEL_CITY { en: "city", zh: "全市" }
    LEVEL_DISTRICT { en: "district", zh: "县(区)" }
    LEVEL_STREET { en: "street", zh: "乡镇(街道)" }
    LEVEL_COMMUNITY { en: "community", zh: "村(居)" }
    LEVEL_COMPOUND { en: "compound", zh: "小区" }
    LEVEL_BUILDING { en: "building", zh: "楼栋" }
    LEVEL_SITE { en: "site", zh: "单位(场所)" }

    // ---- causes of a closure
    CAUSE_SCRIPTED { en: "scripted", zh: "脚本设定" }
    CAUSE_ESCALATION { en: "escalation", zh: "升级扩大" }
    CAUSE_RANDOM { en: "random", zh: "随机发生" }

    // ---- terms of the score, in their natural units
    TERM_SHORTAGE { en: "shortage person-days", zh: "短缺人日" }
    TERM_FIRST_GOODS { en: "mean hours to first goods", zh: "首批物资平均到达时长" }
    TERM_STOCKOUT { en: "store stock-out hours", zh: "门店断货时长" }
    TERM_PANIC { en: "peak panic", zh: "恐慌峰值" }
    TERM_COST { en: "government cost", zh: "政府支出" }
    TERM_SPOILAGE { en: "spoilage", zh: "损耗" }
    UNIT_PERSON_DAYS { en: "person-days", zh: "人日" }
    UNIT_HOURS { en: "h", zh: "小时" }
    UNIT_DAYS { en: "days", zh: "天" }
    UNIT_KG_PER_PERSON_DAY { en: "kg/person/day", zh: "千克/人/天" }
    UNIT_PANIC { en: "0..1", zh: "0..1" }
    UNIT_YUAN { en: "yuan", zh: "元" }
    UNIT_10K_YUAN { en: "10,000 yuan", zh: "万元" }
    UNIT_TONNES { en: "t", zh: "吨" }
    UNIT_KG { en: "kg", zh: "千克" }
    UNIT_PER_DAY { en: "per day", zh: "每天" }
    UNIT_PERSONS { en: "persons", zh: "人" }
    UNIT_YUAN_PER_KG { en: "yuan/kg", zh: "元/千克" }
    UNIT_KG_PER_HOUR { en: "kg/h", zh: "千克/小时" }
    UNIT_KG_PER_DAY { en: "kg/day", zh: "千克/天" }
    SCORE { en: "score", zh: "评分" }
    SCORE_LOWER_IS_BETTER { en: "lower is better", zh: "越低越好" }

    // ---- cost items (who pays: province, city, county)
    COST_EMERGENCY_TRANSPORT { en: "emergency transport", zh: "应急运输" }
    COST_TRANSFER_SUBSIDY { en: "transfer subsidies", zh: "外地增量调运补贴" }
    COST_RESERVE_RELEASE { en: "reserve releases", zh: "储备投放" }
    COST_DOOR_DELIVERY { en: "door delivery", zh: "配送上门补贴" }
    COST_COMPENSATION { en: "compensation", zh: "征用合理补偿" }
    GOV_PROVINCE { en: "province", zh: "省级" }
    GOV_CITY { en: "city", zh: "市级" }
    GOV_COUNTY { en: "county", zh: "县(区)级" }

    // ---- verdicts of a setting against the baseline (lower is better)
    VERDICT_BASELINE { en: "baseline", zh: "基准" }
    VERDICT_BETTER { en: "better", zh: "更好" }
    VERDICT_WORSE { en: "worse", zh: "更差" }
    VERDICT_NO_CLEAR { en: "no clear difference", zh: "无明显差别" }
    VERDICT_SAME { en: "same", zh: "相同" }

    // ---- suppliers
    SUPPLIER_WAREHOUSE { en: "warehouse", zh: "仓库" }
    SUPPLIER_WHOLESALE_MARKET { en: "wholesale market", zh: "批发市场" }
    SUPPLIER_PRODUCTION_BASE { en: "production base", zh: "生产基地" }
    SUPPLIER_OTHER_REGION { en: "other region", zh: "异地" }

    // ---- goods categories shipped by default (English names of their keys)
    GOODS_GRAIN_OIL { en: "grain and oil", zh: "粮油" }
    GOODS_MEAT { en: "meat", zh: "肉" }
    GOODS_VEGETABLES { en: "vegetables", zh: "菜" }
    GOODS_EGGS_MILK { en: "eggs and milk", zh: "蛋奶" }
    GOODS_AQUATIC { en: "aquatic products", zh: "水产品" }
    GOODS_HYGIENE { en: "cleaning and hygiene", zh: "卫生清洁用品" }
    ALL_GOODS { en: "all goods", zh: "全部商品" }

    // ---- places and time
    CITY_WIDE { en: "city-wide", zh: "全市" }
    IN_DISTRICT { en: "in {district}", zh: "{district}" }
    DAY_N { en: "day {day}", zh: "第 {day} 天" }
    DAY_TIME { en: "day {day} {time}", zh: "第 {day} 天 {time}" }
    OUTSIDE_THE_CITY { en: "outside the city", zh: "市外" }
    YES { en: "yes", zh: "是" }
    NO { en: "no", zh: "否" }
    ON { en: "on", zh: "开启" }
    OFF { en: "off", zh: "关闭" }
    NONE { en: "none", zh: "无" }
    LIST_SEP { en: ", ", zh: "、" }
}

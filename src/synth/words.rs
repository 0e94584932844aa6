//! The real English in the synthetic news: function words, a few hundred
//! common news nouns, verbs, adjectives and adverbs with their forms, the
//! synonym groups that let two outlets say the same thing in different
//! words, and the odd substitutions of an automatic "spinner" (the demo's
//! article 001: "eastern" → "jap", "military help" → "navy assist").
//!
//! Everything past these few hundred words is generated (see `vocab`).

/// Function words and the commonest news words, most frequent first. The
/// templates use them as literals; this list keeps generated words from
/// colliding with them.
pub const FUNCTION: &str = "the of to and a in that for on is was with said by as at it from he has have be are its his an \
were not will which but had this would they who after been their more also than or year over about people new other two \
one last we up into could first can since some out there when all government told percent she her week them what three \
no so while before officials like if years time most only just may because against country state president minister our \
us under between during were being do did does such any each both these those where how very many much own same then \
through until until down off per around another even still among again whether made make part four five six seven eight \
nine ten hundred thousand million billion monday tuesday wednesday thursday friday saturday sunday january february \
march april june july august september october november december i you my your me him himself itself themselves";

/// Real nouns, `singular` or `singular/plural` when the plural is irregular.
pub const NOUNS: &str = "government official person/people country president minister police court company market price \
talk agreement election state city region border force troop report plan law deal group leader member worker resident \
authority statement spokesman/spokesmen crisis/crises support security economy sanction investment bank fund party \
parliament lawmaker committee policy programme decision system service health school student family child/children \
woman/women man/men community attack war conflict ceasefire protest protester rally demand issue problem question effort \
move step measure rule budget tax debt loan rate inflation growth export trade industry energy gas oil power supply \
shortage pipeline water food aid help assistance weapon missile drone soldier army officer victim death hospital doctor \
patient case vaccine virus storm flood fire damage home building road bridge airport port train flight passenger area \
village town capital province district neighbour ally partner rival opposition campaign candidate poll result judge \
trial charge investigation evidence prosecutor lawyer prison arrest suspect witness fraud scandal resignation chief head \
firm business nation negotiation discussion accord pact proposal demonstration cost frontier inquiry probe vote regulation \
announcement assault strike fighting citizen inhabitant turmoil emergency meeting summit visit letter appeal threat \
warning request response action operation mission deployment convoy shelling invasion treaty recognition independence";

/// Real verbs, `base/past`.
pub const VERBS: &str = "say/said tell/told ask/asked warn/warned call/called agree/agreed reject/rejected \
approve/approved sign/signed report/reported confirm/confirmed deny/denied accuse/accused urge/urged add/added \
expect/expected plan/planned launch/launched raise/raised cut/cut announce/announced order/ordered send/sent \
seek/sought meet/met hold/held win/won lose/lost face/faced receive/received demand/demanded propose/proposed \
vote/voted pass/passed block/blocked ban/banned allow/allowed help/helped support/supported oppose/opposed \
declare/declared recognise/recognised deploy/deployed move/moved attack/attacked kill/killed injure/injured \
arrest/arrested charge/charged release/released open/opened close/closed build/built increase/increased \
reduce/reduced boost/boosted suspend/suspended resume/resumed extend/extended end/ended start/started \
threaten/threatened promise/promised criticise/criticised condemn/condemned welcome/welcomed discuss/discussed \
review/reviewed investigate/investigated publish/published describe/described estimate/estimated cite/cited \
claim/claimed insist/insisted acknowledge/acknowledged respond/responded state/stated note/noted inform/informed \
request/requested caution/cautioned unveil/unveiled dismiss/dismissed endorse/endorsed back/backed press/pressed \
denounce/denounced assist/assisted aid/aided lower/lowered halt/halted stop/stopped debate/debated probe/probed \
examine/examined calculate/calculated pledge/pledged vow/vowed assert/asserted allege/alleged dispatch/dispatched";

pub const ADJECTIVES: &str = "new former local national foreign military economic political public senior international \
major main key large small high low early late recent strong weak full final official separate similar independent \
federal regional central western eastern northern southern top global financial social private serious possible \
likely clear direct joint annual previous current general special legal civil urgent fresh big significant crucial \
vital huge minor severe grave latest overseas principal evident robust broad sweeping";

pub const ADVERBS: &str = "also already still now later again recently reportedly sharply quickly further nearly \
largely widely formally openly briefly";

/// Groups of words that can stand for each other (same part of speech).
pub const SYNONYMS: &[&[&str]] = &[
    &["say", "state", "note"],
    &["tell", "inform"],
    &["ask", "request"],
    &["warn", "caution"],
    &["announce", "unveil", "declare"],
    &["reject", "dismiss"],
    &["approve", "endorse", "back"],
    &["urge", "press"],
    &["criticise", "condemn", "denounce"],
    &["help", "assist", "aid"],
    &["increase", "raise", "boost"],
    &["reduce", "cut", "lower"],
    &["end", "halt", "stop"],
    &["discuss", "debate"],
    &["investigate", "probe", "examine"],
    &["estimate", "calculate"],
    &["promise", "pledge", "vow"],
    &["claim", "assert", "allege"],
    &["send", "dispatch", "deploy"],
    &["troop", "soldier", "force"],
    &["leader", "chief", "head"],
    &["help", "aid", "assistance", "support"],
    &["attack", "assault", "strike"],
    &["talk", "negotiation", "discussion"],
    &["agreement", "deal", "accord", "pact"],
    &["resident", "inhabitant", "citizen"],
    &["war", "conflict", "fighting"],
    &["plan", "proposal"],
    &["protest", "demonstration", "rally"],
    &["price", "cost"],
    &["company", "firm", "business"],
    &["country", "nation"],
    &["statement", "announcement"],
    &["move", "step", "measure"],
    &["border", "frontier"],
    &["investigation", "probe", "inquiry"],
    &["rule", "regulation"],
    &["crisis", "turmoil"],
    &["new", "fresh"],
    &["major", "big", "significant"],
    &["key", "crucial", "vital"],
    &["large", "big", "huge"],
    &["small", "minor"],
    &["serious", "severe", "grave"],
    &["recent", "latest"],
    &["foreign", "overseas"],
    &["senior", "top"],
    &["main", "principal"],
    &["clear", "evident"],
    &["strong", "robust"],
    &["broad", "sweeping"],
];

/// What an automatic spinner does to common words, beyond synonyms.
pub const SPIN: &[(&str, &str)] = &[
    ("eastern", "jap"),
    ("military", "navy"),
    ("help", "assist"),
    ("against", "in opposition to"),
    ("announced", "introduced"),
    ("move", "transfer"),
    ("said", "stated"),
    ("were", "have been"),
    ("came", "got here"),
    ("deals", "offers"),
    ("thousands", "1000's"),
    ("near", "close to"),
    ("attack", "assault"),
    ("moment", "second"),
    ("use", "make use of"),
    ("force", "power"),
    ("abroad", "overseas"),
    ("next", "following"),
    ("closer", "nearer"),
    ("conflict", "battle"),
    ("crisis", "disaster"),
    ("war", "warfare"),
    ("told", "informed"),
    ("saw", "noticed"),
    ("including", "together with"),
    ("hundreds", "lots of"),
    ("cost", "value"),
    ("more", "extra"),
    ("also", "additionally"),
    ("recent", "latest"),
    ("international", "worldwide"),
    ("foreign", "international"),
    ("preparing", "making ready"),
    ("about", "round"),
    ("many", "numerous"),
    ("people", "individuals"),
    ("new", "brand new"),
    ("become", "develop into"),
    ("high", "excessive"),
    ("so far", "to date"),
    ("upper", "higher"),
    ("house", "home"),
    ("world", "globe"),
    ("leaders", "chiefs"),
    ("big", "massive"),
    ("asked", "requested"),
    ("after", "after"),
    ("officials", "officers"),
];

/// Words that a generated word must never be (they would read as English).
pub const AVOID: &str = "pool photo image getty illustration via advertisement story related read more caption \
photograph picture file copyright reuters ap afp by date title source url link";

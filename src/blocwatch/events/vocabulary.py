"""Word lists the event coder reads the parse with: verbs that embed acts, nouns for people, places and
things, and the small closed classes its rules test. Lexicon entries that map words to CAMEO codes are in
`data/lexicon.yaml`; these are the coder's own grammar words."""

from __future__ import annotations

import re

# Verbs that embed the act named by their xcomp/ccomp, and how the embedded act's CAMEO root turns into theirs.
INTENT_VERBS = {"pledge", "promise", "vow", "swear", "commit", "agree", "undertake", "offer", "resolve", "volunteer",
                "consent"}

# "decided to allow", "voted to impose": the decision is the act itself, coded on the embedded verb.
DECISION_VERBS = {"intend", "plan", "aim", "expect", "prepare", "schedule", "decide", "vote", "opt", "choose", "move", "proceed", "go", "continue", "begin", "start", "resume",
                  "manage", "help", "dare", "rush", "hasten", "seek", "try", "attempt"}

# "engaged in ethnic cleansing", "took part in the exercises": the act is the prepositional object.
PREPOSITIONAL_LIGHT_VERBS = {"engage": "in", "participate": "in", "resort": "to", "take": "in", "join": "in",
                             "embark": "on", "proceed": "with", "go": "ahead", "put": "under", "place": "under"}

THREAT_VERBS = {"threaten", "warn"}

# Verbs that put out a text which then acts: "issued a statement condemning", "released a report accusing".
ISSUING_VERBS = {"issue", "release", "publish", "adopt", "pass", "send", "deliver", "sign", "put", "make", "unveil",
                 "circulate", "submit", "present", "table", "announce", "post", "approve", "enact", "endorse"}

REFUSE_VERBS = {"refuse", "decline", "reject"}

APPEAL_VERBS = {"urge", "ask", "appeal", "call", "invite", "encourage", "request", "implore", "plead", "beg", "exhort",
                "want", "wish"}  # "wants Germany to pay", but not "wants to sign" (see _verb_trigger)

TOPIC_NOUNS = {"condolence", "sympathy", "concern", "regret", "responsibility", "accusation", "allegation", "charge",
               "claim", "denial", "credit", "blame", "sorrow", "grief", "shock", "outrage", "worry", "fear"}

STATEMENT_WORDS = {"condolence", "sympathy", "concern", "regret", "sorrow", "grief", "shock", "alarm", "comment",
                   "express", "mourn", "condole", "solidarity", "outrage", "worry", "statement", "remark", "question",
                   "report", "speak", "talk", "ask", "news", "story", "say", "inform", "brief", "tell"}

CESSATION_VERBS = {"stop", "cease", "halt", "end", "quit", "abandon", "give", "suspend", "discontinue"}

CONSIDER_VERBS = {"consider", "contemplate", "weigh", "mull", "ponder", "explore", "study", "discuss", "debate"}

CLAIM_VERBS = {"claim", "admit", "acknowledge", "boast"}

DENY_VERBS = {"deny", "dismiss", "refute"}

DEMAND_VERBS = {"demand", "insist", "order", "require", "press", "pressure", "force", "compel", "push"}

FUTURE_VERBS = {"plan", "set", "schedule", "expect", "prepare", "aim", "go", "slate", "due", "poise", "try", "attempt",
                "hope", "seek", "continue", "begin", "start", "resume", "keep", "fail", "consider", "move", "vote", "opt",
                "choose", "need", "have", "be", "threaten", "manage", "proceed", "help", "want", "wish", "like", "dare"}

RECIPROCAL_TRIGGERS = {"meet", "talk", "negotiate", "agree", "sign", "cooperate", "clash", "fight", "consult",
                       "discuss", "confer", "trade", "ally", "partner", "collaborate", "deploy", "exchange", "hold"}

# Acts both sides perform at once: "A met B", "held talks with B", "signed an agreement with B" are coded both ways.
SYMMETRIC_CODES = {"040", "041", "044", "046", "057"}

# A visit and its hosting are one arrangement of both sides once announced ("will host", "will visit": CAMEO 036).
VISIT_CODES = {"042", "043"}

# "this drew criticism from Russia": the grammatical subject is the target of the act named by the object.
RECEIVING_VERBS = {"draw", "face", "receive", "attract", "prompt", "provoke", "spark", "trigger", "meet", "earn",
                   "incur", "get", "come"}

# The place prepositions name where an act took place: CAMEO codes the place's state as the target when nothing
# else is, and an unplaced target ("an inmate") takes its country from there.
TARGET_PREPS = ("against", "on", "upon", "with", "to", "into", "toward", "towards", "from", "between", "for", "at",
                "in", "near", "outside", "inside", "across", "throughout")

PLACE_PREPS = {"at", "in", "near", "outside", "inside", "across", "throughout"}

CONFLICT_ROOTS = {"13", "14", "15", "16", "17", "18", "19", "20"}

REACTIVE_ROOTS = {"01", "02", "05", "09", "10", "11", "12", "13", "16"}

# Past forms the small model sometimes leaves unlemmatised ("overran").
IRREGULAR_PAST = {
    "overran": "overrun", "overrun": "overrun", "ran": "run", "withdrew": "withdraw", "withdrawn": "withdraw",
    "undertook": "undertake", "undertaken": "undertake", "froze": "freeze", "frozen": "freeze", "broke": "break",
    "broken": "break", "struck": "strike", "shot": "shoot", "fought": "fight", "sought": "seek", "fled": "flee",
    "led": "lead", "held": "hold", "sent": "send", "met": "meet", "told": "tell", "sold": "sell", "won": "win",
    "began": "begin", "begun": "begin", "gave": "give", "given": "give", "forgave": "forgive", "forgiven": "forgive",
    "swore": "swear", "sworn": "swear", "threw": "throw", "thrown": "throw", "overthrew": "overthrow",
    "overthrown": "overthrow", "blew": "blow", "blown": "blow", "drew": "draw", "drawn": "draw", "took": "take",
    "taken": "take", "shook": "shake", "spoke": "speak", "spoken": "speak", "stole": "steal", "stolen": "steal",
    "chose": "choose", "chosen": "choose", "slew": "slay", "slain": "slay", "beat": "beat", "beaten": "beat",
    "bound": "bind", "hung": "hang", "lit": "light", "shut": "shut", "cut": "cut", "hit": "hit", "put": "put",
    "set": "set", "withheld": "withhold", "overcame": "overcome", "forbade": "forbid", "forbidden": "forbid",
    "brought": "bring", "caught": "catch", "bought": "buy", "dealt": "deal", "left": "leave", "kept": "keep",
    "stood": "stand", "rode": "ride", "drove": "drive", "driven": "drive", "rose": "rise", "arose": "arise",
    "fell": "fall", "fallen": "fall", "seized": "seize", "besieged": "besiege",
}

SENDING_VERBS = {"send", "dispatch", "despatch", "deploy", "fly", "travel", "go", "come", "arrive"}

SENTIMENT_NOUNS = {"optimism", "pessimism", "hope", "concern", "condolence", "sympathy", "regret", "doubt", "confidence",
                   "solidarity", "support", "outrage", "satisfaction", "disappointment", "frustration", "worry"}

EXPULSION_VERBS = {"expel", "deport", "eject", "banish", "oust", "kick"}

PROTEST_PURPOSES = {"protest", "demand", "press", "show", "denounce", "condemn", "oppose", "decry", "reject", "seek",
                    "urge", "call"}

# Verbs of coming together: who gathers "for a rally" or "in a march" holds it.
GATHERING_VERBS = {"gather", "converge", "assemble", "congregate", "mass", "flock", "participate", "take", "turn",
                   "come", "pour", "head", "travel", "march"}

HELPING_VERBS = {"help", "support", "assist", "benefit", "aid", "feed", "protect", "rebuild", "supply", "serve"}

RELATIVE_PRONOUNS = {"that", "who", "which", "whom"}

EVENT_CARRIER_NOUNS = {"mission", "effort", "process", "campaign", "operation", "initiative", "drive", "program",
                       "programme", "plan", "package", "deal", "round", "session", "activity", "move", "step"}

# "launched 10 days of war games", "a new round of talks": the act is in the "of" phrase.
QUANTITY_NOUNS = {"day", "week", "month", "year", "series", "round", "wave", "number", "dozen", "couple", "spate",
                  "string", "set", "batch", "kind", "type", "form", "hour", "lot", "some", "many", "most", "all",
                  "several", "hundred", "thousand", "million", "part", "one", "two", "three", "group", "majority",
                  "half", "third", "rest", "none", "each", "both", "few", "dozens", "hundreds", "thousands",
                  "score", "scores", "tens", "handful"}

PERSONAL_PRONOUNS = {"he", "she", "they", "it", "we", "him", "her", "them", "us", "i"}

# "is willing to send", "is ready to discuss": an expressed intention, coded as CAMEO 03x.
INTENT_ADJECTIVES = {"willing", "ready", "prepared", "eager", "determined", "committed", "keen", "open", "poised"}

# Passive forms that describe the subject's own stance: "is committed to", "is prepared to".
ADJECTIVAL_PASSIVES = {"commit", "prepare", "determine", "dedicate", "resolve", "poise", "set", "oblige", "bind", "engage",
                       "involve"}

# "Israel is opposed to French mediation": a stance, unless someone is named who does the opposing ("opposed by").
STANCE_PASSIVES = {"oppose"}

DEMAND_MODALS = {"must", "need", "have", "should", "ought"}

# Who acts decides between CAMEO's unconventional violence (18) and military force (19).
MILITARY_HEADS = {"troops", "troop", "forces", "force", "army", "armies", "soldiers", "soldier", "military", "navy",
                  "aircraft", "jets", "jet", "warplanes", "warplane", "warships", "warship", "tanks", "artillery",
                  "marines", "paratroopers", "battalion", "brigade", "units", "drones", "helicopters", "gunships"}

IRREGULAR_HEADS = {"militants", "militant", "gunmen", "gunman", "rebels", "rebel", "guerrillas", "guerrilla",
                   "insurgents", "insurgent", "terrorists", "terrorist", "bombers", "bomber", "militiamen", "militia",
                   "attackers", "attacker", "extremists", "jihadists", "assailants", "assailant", "fighters", "mob",
                   "kidnappers", "pirates", "separatists"}

# Verbs of complaint that can trail the clause they report: "Croatia is failing its refugees, a rights group protested".
COMPLAINT_VERBS = {"protest", "complain", "charge", "allege", "object"}

# Prepositions that name what a complaint is about or aimed at, so that it reports no clause of its own.
COMPLAINT_TOPIC_PREPS = {"against", "about", "over", "to", "at", "of", "that"}

# Heads of the names of news media, which report acts without doing them.
NEWS_OUTLETS = {"agency", "newspaper", "daily", "weekly", "radio", "television", "tv", "channel", "broadcaster",
                "magazine", "paper", "website", "media", "outlet", "report", "network"}

VIOLENT_VERBS = {"kill", "attack", "strike", "shoot", "hit", "target", "fire", "assault", "murder", "wound", "injure"}

MILITARY_ACTS = {"attack", "strike", "airstrike", "air-strike", "raid", "airraid", "shelling", "bombardment", "bombing",
                 "missile", "rocket", "drone"}

ETHNIC_COLLECTIVES = {"population", "minority", "community"}

LEAVING_VERBS = {"leave", "quit", "exit", "vacate"}

# Verbs of saying that as often mean something else ("observed the drill", "noted a rise"): a statement only
# with what was said.
SPEECH_ONLY_WITH_CONTENT = {"observe", "note", "maintain", "post", "point", "highlight", "underline",
                            "brush", "address", "mention"}

JOINT_ADVERBS = {"jointly", "together", "mutually", "bilaterally"}

GENERIC_HEADS = {"government", "ministry", "president", "leader", "people", "army", "forces", "force", "troops",
                 "parliament", "members", "member", "officials", "official", "minister", "side", "authorities",
                 "military", "police", "navy", "prime", "head", "chief", "embassy", "citizens", "residents", "foreign"}

ROLE_HEADS = {"spokesman", "spokeswoman", "spokesperson", "minister", "secretary", "envoy", "ambassador",
              "representative", "commissioner", "adviser", "advisor", "director", "chairman", "president",
              "coordinator", "negotiator", "officer", "official", "head", "chief", "leader", "commander"}

# Comments that take a stance (pessimism, optimism, condolences, accord): their recipient may be a topic, not an actor.
STANCE_CODES = {"012", "013", "018", "019"}

# What a peace mission is called ("the UN peacekeeping force", "a stabilisation mission") and its kinds.
MISSION_NOUNS = {"force", "mission", "operation", "contingent", "presence"}

MISSION_KINDS = {"peacekeeping", "security", "stabilization", "stabilisation", "monitoring", "observer"}

# The nouns of compound prepositions that name whom an act concerns: "in relation to", "with regard to".
FRAMING_NOUNS = {"relation", "regard", "respect", "reference", "connection"}

GOVERNMENT_WORDS = {"government", "regime", "administration", "authority", "cabinet"}

# What something is said in: "in a statement", "in messages to the media".
MEDIUM_WORDS = {"statement", "message", "letter", "interview", "speech", "broadcast", "video", "post", "tweet",
                "communique", "communiqué", "remark", "comment", "address", "email", "note", "editorial"}

# Occasions where things are said, never what a stance is about.
SETTING_WORDS = {"conference", "briefing", "session", "forum", "event", "ceremony", "hearing", "debate", "rally",
                 "visit", "trip", "time", "moment", "way", "manner", "case", "light", "view", "face", "wake", "run"}

HOPING_VERBS = {"hope", "expect", "trust", "wish"}

# The bereaved, named by whom they lost: "the families of the victims"
KIN_WORDS = {"family", "relative", "kin", "widow", "next-of-kin"}

WITHDRAWING_VERBS = {"withdraw", "pull", "recall", "evacuate", "remove"}

GIVING_VERBS = {"give", "send", "provide", "offer", "deliver", "donate", "supply", "grant", "hand", "ship", "lend"}

PROSPECT_NOUNS = {"possibility", "option", "idea", "prospect", "feasibility"}

ANAPHORIC_OBJECTS = {"this", "that", "it", "move", "decision", "step", "deployment", "action", "plan", "measure"}

NON_ACTOR_HEADS = {"storm", "earthquake", "flood", "floods", "fire", "fires", "wildfire", "hurricane", "typhoon", "quake",
                   "cyclone", "tornado", "drought", "landslide", "avalanche", "tsunami", "eruption", "volcano", "rain",
                   "snow", "heatwave", "outbreak", "epidemic", "covid", "team", "teams", "club", "player", "players",
                   "striker", "goal", "goals", "score", "index", "indices", "bond", "bonds", "yield", "yields", "shares",
                   "stock", "currency", "rouble", "ruble", "yen", "peso", "gold", "investors", "traders", "price", "prices", "market",
                   "stocks", "share", "economy", "inflation", "rate", "rates", "match", "game", "season", "virus", "disease", "pandemic", "weather", "accident", "crash", "oil",
                   "dollar", "euro", "profit", "sales", "output", "growth", "demand", "supply"}

MAX_PHRASE_TOKENS = 16

RESOLVING_VERBS = {"resolve", "settle", "end", "defuse", "bridge", "mediate"}

MEETING_VERBS = {"meet", "talk", "negotiate", "confer"}

PURPOSE_CARRIERS = {"design", "aim", "intend", "mean", "seek"}

DEATH_VERBS = {"die", "succumb", "perish"}

CAUSE_NOUNS = {"result", "consequence", "effect"}

CUSTODY_NOUNS = {"custody", "detention", "jail", "prison", "captivity"}

ATTEMPT_NOUNS = {"attempt", "bid"}

KILLING_VERBS = {"kill", "assassinate", "murder", "execute", "slay", "behead"}

ATTENDING_VERBS = {"attend", "join"}

# Verbs of letting someone act: whom they let is the subject of the act let ("allow UN planes to land").
PERMIT_VERBS = {"allow", "permit", "let", "authorize", "authorise", "enable"}

VISIT_WORDS = ("visit", "trip", "host", "welcome", "receive")

ACCUSING_WORDS = {"accuse", "charge", "suspect", "convict", "acquit", "blame", "accusation", "allegation"}

ABSTRACT_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism", "ship", "ure", "age", "ing", "cy",
                     "dom", "hood", "ology", "ics")

ACT_WORDS = {"charge", "offer", "request", "demand", "call", "plan", "proposal", "claim", "report", "decision", "move",
             "step", "deal", "rule", "law", "bill", "policy", "measure", "response", "support", "aid", "hope", "fear",
             "concern", "position", "work", "school", "role", "part", "way", "time", "need", "effort", "right",
             "help", "order", "deadline", "ban", "control", "power", "access", "issue", "problem", "case",
             "alert", "standby", "siege", "emergency", "lockdown", "curfew", "readiness"}  # states put in force

# Aims and things that are never parties, in the singular or the plural ("lay down their weapons in Iraq").
THING_WORDS = {"reform", "peace", "stability", "weapon", "arm", "ammunition", "missile", "rocket", "bomb", "grenade",
               "mortar", "explosive", "amount", "money", "sum", "fund", "funds", "cash"}

COUNTING_WORDS = QUANTITY_NOUNS - {"day", "week", "month", "year", "hour", "series", "round", "wave", "spate", "string",
                                   "set", "kind", "type", "form", "part"}

SPORT_WORDS = {"tournament", "championship", "striker", "goalkeeper", "midfielder", "coach", "semifinal",
               "semi-final", "quarterfinal", "playoff", "play-off", "stadium", "olympics", "olympic", "fifa", "uefa",
               "nba", "nfl", "wicket", "innings", "footballer", "batsman", "scored", "season"}

STATE_AGENTS = {"authorities", "police", "government", "army", "troops", "soldiers", "court", "ministry", "minister",
                "president", "parliament", "rebels", "militants", "insurgents"}

SCORELINE = re.compile(r"\b\d{1,2}-\d{1,2}\b")

RELEASED_PEOPLE = {"physician", "nurse", "doctor", "volunteer", "worker", "tourist", "official", "diplomat",
                   "missionary", "fisherman", "fishermen", "engineer", "priest", "pilot", "migrant", "refugee",
                   "immigrant", "asylum-seeker"}

DOMESTIC_GROUPS = {"demonstrator", "protester", "protestor", "prisoner", "detainee", "civilian", "student", "worker",
                   "resident", "villager", "inhabitant", "activist", "journalist", "rebel", "militant", "insurgent",
                   "supporter", "dissident", "critic", "opposition", "striker", "rioter", "youth", "farmer",
                   "teacher", "employee", "protest", "crowd", "mob", "people", "citizen", "opponent", "guerrilla",
                   "person", "man", "woman", "child", "fundamentalist", "islamist", "elder", "nationalist",
                   "separatist", "extremist", "radical", "tribesman", "tribesmen", "party", "faction"}

DOMESTIC_OFFICES = {"president", "vice-president", "judge", "governor", "mayor", "premier", "prime", "interior",
                    "senator", "lawmaker", "speaker", "prosecutor", "attorney", "police", "chief", "justice"}

PHRASAL_NOUNS = {"defiance", "protest", "solidarity", "response", "retaliation", "support", "opposition", "violation",
                 "accordance", "line", "favour", "favor", "bid", "effort", "attempt", "order", "addition", "view",
                 "light", "wake", "memory", "honour", "honor", "name", "exchange", "return", "spite", "charge",
                 "touch", "contact", "breach", "pursuit", "search", "face", "anticipation", "preparation", "defence",
                 "defense", "recognition", "reaction", "connection", "relation", "regard", "respect", "terms"}

# Nouns for a population rather than a role: "people in Somalia, Ethiopia and Kenya" are one party per country.
POPULATION_NOUNS = {"people", "civilian", "resident", "population", "refugee", "family", "child", "woman", "citizen",
                    "inhabitant", "household", "community", "victim", "villager", "farmer", "migrant", "survivor"}

BLOCKED_WAYS = {"street", "road", "highway", "motorway", "bridge", "railway", "rail", "line", "crossing", "square",
               "avenue", "junction", "traffic", "access", "entrance", "route", "port", "harbour", "harbor", "airport"}

DOMESTIC_BODIES = {"parliament", "police", "legislature", "judiciary", "cabinet", "senate", "congress", "assembly",
                   "court", "courts", "authorities", "army", "military", "government", "regime", "ministry"}

CIVIL_SECTORS = {"JRN", "OPP", "PTY", "BUS", "EDU", "REL", "SOC", "MED", "LAB", "CVL", "REF", "AGR"}

FOREIGN_FACING = {"foreign", "ambassador", "envoy", "consul", "mediator", "special", "un", "u.n."}

MEASURE_WORDS = {"kg", "kilogram", "kilo", "ton", "tonne", "litre", "liter", "gallon", "barrel", "unit", "box", "crate",
                 "truckload", "planeload", "shipload", "consignment", "batch", "dose", "amount", "quantity", "worth",
                 "load", "lot", "package", "parcel", "set", "pallet", "container", "cargo", "convoy", "shipment"}


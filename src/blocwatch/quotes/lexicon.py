"""Cue words that introduce what someone said, wrote or thinks."""

from __future__ import annotations

# Verbs of saying, writing and reporting; with a clausal complement they introduce reported speech.
SPEECH_VERBS = frozenset(
    """
    say tell add state note claim warn insist stress argue announce highlight report deny confirm explain
    suggest predict write tweet post declare assert acknowledge admit allege reply respond answer ask remark
    comment observe emphasize emphasise reiterate recall concede contend maintain mention indicate promise
    pledge vow urge testify inform reveal disclose estimate complain boast joke quip recount caution counter
    retort shout yell whisper scream cry lament speculate wonder posit propose recommend demand hint imply
    proclaim tout brag charge accuse argue predict forecast agree disagree object protest signal stipulate
    specify clarify elaborate continue conclude summarize summarise underline underscore point affirm
    reaffirm swear assure reassure guarantee threaten vow predict counsel advise remind tell notify
    describe call label dub brand term characterize characterise
    """.split()
)

# Verbs of belief and knowledge; PolNeAR and most readers count "X believes that ..." as attributed content.
COGNITION_VERBS = frozenset(
    """
    believe think feel hope expect fear know understand reckon suspect doubt assume consider worry
    """.split()
)

# Verbs that take a quotation as their object or complement in news copy but rarely a "that" clause.
QUOTING_ONLY_VERBS = frozenset(
    """
    read chant sing write tweet post text email quote cite
    """.split()
)

# Verbs of finding and showing: "the poll shows that ...", "the study found ...", "the Post has learned ...".
EVIDENCE_VERBS = frozenset("show find reveal indicate conclude demonstrate learn confirm suggest".split())

REPORTING_VERBS = SPEECH_VERBS | COGNITION_VERBS | EVIDENCE_VERBS

# Verbs whose object (not only a clause) is what the speaker said or stands for: "she criticized the plan",
# "the senator called for an inquiry", "he wants to cut taxes". Attribution corpora such as PolNeAR count these.
OBJECT_CONTENT_VERBS = frozenset(
    """
    call cite criticize criticise attack support oppose want plan show find urge question mention describe
    propose demand discuss deny announce confirm reveal praise condemn blame accuse defend endorse reject
    dismiss slam blast welcome applaud acknowledge admit predict recommend request dispute challenge
    reference highlight stress emphasize emphasise note report claim promise pledge vow warn decline refuse
    agree decide intend seek hope expect threaten ask argue advocate push dub label blame insist
    """.split()
)
# Prepositions whose object carries the content after such a verb: "called for", "warned against".
CONTENT_PREPOSITIONS = frozenset("for against about on of".split())

# Nouns for something said; their possessor said it: "the senator's claim that ...", "Smith's remark".
SPEECH_NOUNS = frozenset(
    """
    claim remark comment statement suggestion accusation assertion warning promise pledge prediction
    argument insistence complaint charge allegation description characterization characterisation
    admission contention declaration announcement vow threat boast quip joke retort reply response words
    """.split()
)

# Verbs that may frame a direct quotation ("“...,” he said").
QUOTE_FRAME_VERBS = SPEECH_VERBS | COGNITION_VERBS | QUOTING_ONLY_VERBS

# Verbs whose object names what the speaker calls something: `called the vote "a betrayal"`.
NAMING_VERBS = frozenset("call describe label dub brand term characterize characterise".split())

# Subject pronouns that need resolving to who they stand for.
PERSON_PRONOUNS = frozenset("he she him her his hers".split())
GROUP_PRONOUNS = frozenset("they them it we us i".split())

# Titles and offices that mark the name after them as a person's: "President of the Assembly Alen Simonyan".
PERSON_TITLES = frozenset(
    """
    president vice minister ambassador envoy spokesman spokeswoman spokesperson senator sen. rep. representative
    governor gov. mayor chairman chairwoman chair secretary director head leader chief general gen. colonel
    admiral commander prime premier chancellor king queen prince sheikh emir sultan pope bishop judge justice
    attorney lawyer professor prof. dr. mr. mrs. ms. speaker deputy adviser advisor analyst expert official
    ceo founder candidate nominee lawmaker legislator diplomat commissioner councillor councilor mp
    """.split()
)

# Nouns for a single person, beyond titles: "the retired neurosurgeon said he ...".
PERSON_NOUNS = PERSON_TITLES | frozenset(
    """
    man woman boy girl mother father wife husband son daughter sister brother friend neighbor neighbour
    resident voter supporter activist organizer organiser protester worker owner driver teacher student
    doctor surgeon neurosurgeon nurse officer soldier veteran businessman businesswoman billionaire
    tycoon mogul magnate writer author journalist reporter columnist editor host anchor moderator
    pollster strategist consultant economist scientist researcher historian aide staffer manager
    operative donor delegate congressman congresswoman councilman councilwoman politician incumbent
    challenger contender frontrunner front-runner star actor actress singer player coach athlete
    """.split()
)

PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}

# Common first names, only to keep "she" from resolving to a man named just before (and "he" to a woman).
FEMALE_FIRST_NAMES = frozenset(
    """
    hillary melania ivanka chelsea michelle nancy elizabeth sarah kellyanne huma hope donna debbie loretta
    theresa angela ursula kamala marine christine federica kaja jacinda julia mary susan karen lisa maria
    anna anne ann jennifer jessica laura linda barbara patricia margaret catherine katherine kate emily emma
    rachel rebecca amy heather nicole stephanie samantha victoria helen joan jane janet janet carly condoleezza
    madeleine sonia ruth elena tulsi jill marcia connie leslie megan ivana veronica adriana julie cheryl
    nikki kirsten dianne claire tammy maxine ilhan alexandria liz ayanna rashida gina betsy kirstjen
    """.split()
)
MALE_FIRST_NAMES = frozenset(
    """
    donald barack joe bill bernie mike michael john james robert david richard william thomas charles paul
    mark george steven stephen kevin brian jeff jeffrey tim timothy ted marco chris christopher rand ben
    jeb rudy newt paul reince sean steve mitch harry chuck lindsey vladimir sergei sergey xi emmanuel boris
    recep benjamin narendra justin shinzo kim moon rodrigo nicolas viktor volodymyr dmitry nikol ilham
    alen areg tigran ali hassan mohammed abdullah ahmed omar eric jared corey jason josh josh peter andrew
    matt matthew daniel anthony jim tom frank gary larry scott ron rick greg dan jack sam ryan tony
    """.split()
)

"""Language data for quote attribution: cue verbs, titles, role nouns, source words.

Data only, no logic: every rule module reads its word lists from here, so a new cue
or title is a one-line change with a test row beside it.
"""

# Lemmas of verbs that introduce what someone said, wrote or thought.  The first set
# is speech proper; the second is attitude and report verbs that news copy uses the
# same way ("X believes that ...", "X signalled that ...").
SPEECH_VERBS = frozenset(
    """
    say tell add ask answer reply respond note explain state declare announce
    write tweet post testify insist argue claim contend maintain assert warn caution
    vow pledge promise threaten urge demand acknowledge admit concede confirm deny
    report reveal disclose recall remark comment observe quip joke boast brag complain
    lament grumble mutter whisper shout yell scream cry exclaim plead confess chant sing
    proclaim tout boom bark snap gush muse sigh scoff sneer
    hint signal indicate suggest imply predict forecast estimate reckon
    tweet retort counter rebut reiterate repeat stress emphasize emphasise underscore
    conclude agree disagree concur object protest charge accuse allege blame
    praise criticize criticise condemn slam blast decry denounce dismiss reject
    describe characterize call label brand dub term
    recount relate narrate inform notify advise assure reassure remind
    mention cite quote read continue begin show thank applaud hail laud credit attribute
    """.split()
)

ATTITUDE_VERBS = frozenset(
    """
    believe think feel fear hope expect know worry doubt suspect assume guess
    contend figure reckon consider acknowledge recognize recognise realize realise
    understand wonder question find determine conclude decide anticipate foresee envision
    """.split()
)

# Inflected cue verbs the tagger sometimes reads as nouns or names after a quote
# (`"…," the ministers state in the paper`, `"…," Silva, the mayor, Tweeted`).
CUE_VERB_FORMS = frozenset(
    """
    said says state states stated wrote writes added adds tweeted tweets told tells
    asked asks explained explains argued argues insisted insists declared declares
    """.split()
)

# Verbs that report speech with a particle (`fired back`, `lashed out`).
PHRASAL_CUES = frozenset(
    {("fire", "back"), ("shoot", "back"), ("hit", "back"), ("push", "back"), ("lash", "out"), ("make", "clear")}
)

REPORTING_VERBS = SPEECH_VERBS | ATTITUDE_VERBS

# Inflected cue verbs that can open a line before a name (`Said Silva: "..."`) and that
# NER then takes for a first name.
LEADING_CUE_FORMS = frozenset(
    "said says added adds stated states wrote writes asked asks explained explains told tells".split()
)

# Multi-word cues that have no verb of their own.
ACCORDING_TO = ("according", "to")

# Titles and ranks written before a name.  Ranks alone are the least informative role.
RANKS = frozenset(
    """
    gen. gen general lt. lt lieutenant col. col colonel maj. maj major capt. capt captain
    adm. adm admiral sgt. sgt sergeant cpl. cpl corporal pvt. pvt private cmdr. cmdr commander
    brig. brig marshal
    """.split()
)

HONORIFICS = frozenset(
    """
    mr. mr mrs. mrs ms. ms miss dr. dr prof. prof sir dame lord lady rev. rev reverend
    fr. fr father sister brother rabbi imam sheikh
    """.split()
)

# Office titles that may stand before a name ("Senator Jack Reed", "Sen. Jack Reed").
NAME_TITLES = frozenset(
    """
    president vice sen. sen senator rep. rep representative gov. gov governor
    mayor secretary minister premier chancellor judge justice attorney ambassador
    speaker chairman chairwoman chair leader commissioner director chief spokesman
    spokeswoman spokesperson officer sheriff detective prosecutor king queen prince
    princess pope cardinal bishop councilman councilwoman councillor congressman
    congresswoman delegate assemblyman assemblywoman treasurer comptroller
    superintendent coach professor commander general trustee alderman alderwoman selectman regent
    """.split()
)

# Head nouns of role phrases ("commander of U.S. Central Command", "the top Democrat").
ROLE_NOUNS = frozenset(
    """
    president vice-president secretary minister chairman chairwoman chair chairperson
    chief head leader director commander spokesman spokeswoman spokesperson official
    officer senator representative congressman congresswoman governor mayor ambassador
    envoy adviser advisor aide counsel counselor attorney lawyer judge justice
    prosecutor general admiral colonel captain sergeant analyst expert economist
    professor researcher scientist fellow author editor reporter columnist correspondent
    founder co-founder owner ceo cfo coo executive manager partner president-elect
    nominee candidate democrat republican member speaker whip strategist pollster
    consultant lobbyist activist organizer organiser campaigner negotiator diplomat
    commissioner administrator superintendent sheriff detective inspector
    treasurer chancellor premier deputy undersecretary under-secretary
    king queen prince princess monarch emperor pope bishop cardinal pastor rabbi imam
    president-elect co-chair co-chairman vice-chairman heir successor predecessor
    physician doctor surgeon nurse teacher principal student resident citizen
    veteran witness victim owner employee worker operator pilot soldier
    staffer host anchor commentator historian lawmaker legislator delegate
    mother father son daughter wife husband sister brother widow friend
    """.split()
)

# Words that may start a role phrase after a comma but are not role heads themselves.
ROLE_MODIFIERS = frozenset(
    """
    the a an top senior former acting deputy assistant associate chief vice
    then longtime long-time current incoming outgoing interim executive
    """.split()
)

# Common-noun heads that make a speaker a group ("Defense officials", "experts").
GROUP_NOUNS = frozenset(
    """
    officials leaders lawmakers legislators senators representatives members
    experts analysts economists scientists researchers critics supporters opponents
    advocates activists protesters protestors residents voters citizens americans
    democrats republicans conservatives liberals progressives officers troops soldiers
    diplomats prosecutors investigators authorities aides advisers advisors staffers
    observers commentators historians lawyers attorneys doctors teachers students
    parents workers employees executives investors economists pollsters strategists
    organizers campaigners allies rivals leaders officials spokesmen insiders
    administrators regulators judges delegates donors fans families militants
    fighters rebels police
    """.split()
)

# Heads that on their own mark an unnamed source.
ANONYMOUS_HEADS = frozenset(
    """
    source sources person people someone insider insiders aide official
    """.split()
)

# Determiners and quantifiers that make a noun phrase an unnamed source
# ("a U.S. official", "one official", "multiple U.S. officials", "some aides").
ANONYMOUS_DETERMINERS = frozenset(
    """
    a an one two three four several multiple many some various certain other another
    numerous few
    """.split()
)

# Phrases that explicitly mark an unnamed source.
ANONYMITY_MARKERS = (
    "anonymity",
    "anonymously",
    "not authorized to",
    "not authorised to",
    "familiar with",
    "declined to be named",
    "asked not to be named",
    "requested anonymity",
    "insisted on anonymity",
)

PERSONAL_PRONOUNS = {
    "he": "male",
    "him": "male",
    "she": "female",
    "her": "female",
    "they": "plural",
    "them": "plural",
    "it": "neuter",
    "his": "male",
    "their": "plural",
    "its": "neuter",
    "we": "speaker",
    "i": "speaker",
    "who": "relative",
}

GENDERED_TITLES = {
    "mr.": "male",
    "mr": "male",
    "sir": "male",
    "king": "male",
    "prince": "male",
    "chairman": "male",
    "spokesman": "male",
    "congressman": "male",
    "mrs.": "female",
    "mrs": "female",
    "ms.": "female",
    "ms": "female",
    "miss": "female",
    "dame": "female",
    "queen": "female",
    "princess": "female",
    "chairwoman": "female",
    "spokeswoman": "female",
    "congresswoman": "female",
}

# Words before a quoted Title Case phrase that make it the title of a work, not a quote.
WORK_CUES = frozenset(
    """
    book novel film movie documentary song album show series episode play musical
    article essay column op-ed editorial report paper poem headline titled entitled
    called dubbed named nicknamed slogan hashtag campaign program programme bill act
    """.split()
)
# Nouns for works whose title may follow after a comma and carry the sentence's comma or
# full stop inside its marks (`his new book, "Doomed to Succeed,"`).
WORK_NOUNS = frozenset(
    """
    book memoir novel film movie documentary song album show series sitcom episode play
    musical podcast programme program poem titled entitled
    """.split()
)
# Nouns right after a quoted Title Case phrase that make it a name, not words spoken:
# `the "Daily Show" host`, `a "Make America Great Again" hat`.
NAMED_THING_NOUNS = frozenset(
    """
    host co-host anchor star creator producer hat hats cap caps shirt shirts t-shirt
    sign signs banner banners sticker stickers button buttons episode episodes segment
    broadcast podcast series franchise brand logo
    """.split()
)

# Nouns that carry speech without a verb: "in a statement", "in an interview".
SPEECH_NOUNS = frozenset(
    """
    statement interview remarks speech testimony letter tweet post release
    briefing conference email memo op-ed
    """.split()
)

# Verbs whose object is what the source says, wants or stands for ("Graham called both
# candidates “crazy”", "Rubio endorsed the plan", "Trump wants to build a wall").
STANCE_OBJECT_VERBS = frozenset(
    """
    call label brand dub describe characterize term criticize criticise praise endorse
    support oppose defend blame accuse condemn denounce reject dismiss deny question
    cite mention discuss propose announce offer want plan urge demand recommend promise
    pledge vow threaten ask request push predict welcome applaud thank mock
    slam blast decry disavow prefer favor favour hope intend expect decline refer point talk
    seek refuse express challenge like
    """.split()
)
# Verbs whose object is the person addressed, not the content (`asked the network to ...`).
ADDRESSEE_VERBS = frozenset("ask urge tell request push".split())

# Heads of noun phrases that name an organisation ("the militia", "the department"):
# a name described by one is an organisation, whatever NER said.
ORG_DESCRIPTIONS = frozenset(
    """group organization organisation company firm agency militia party network outlet
    newspaper campaign committee department ministry administration government council
    union association coalition movement""".split()
)
# Heads that, after "the", point back to the latest organisation ("the paper said").
GENERIC_ORG_HEADS = ORG_DESCRIPTIONS | frozenset({"paper", "office", "board", "team"})

# Nouns of what someone says, wants or stands for, whose owner is the source (`Silva's
# claim that ...`, `his promise to build ...`, `her support for the bill`): the nominal
# form of a cue.  Each maps to the prepositions that introduce what it is about.
STANCE_NOUNS: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        """claim statement assertion argument belief view warning promise pledge vow proposal
        plan suggestion insistence contention demand prediction hope fear assurance
        accusation allegation charge announcement admission denial threat""".split(),
        frozenset(),
    ),
    **dict.fromkeys("support opposition endorsement".split(), frozenset({"for", "of", "to"})),
    **dict.fromkeys("criticism praise".split(), frozenset({"of", "for"})),
    **dict.fromkeys("attack attacks".split(), frozenset({"on"})),
    **dict.fromkeys("call calls".split(), frozenset({"for"})),
}

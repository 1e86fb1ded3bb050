"""Language data for quote attribution: cue verbs, titles, role nouns, source words.

Data only, no logic: every word list of the rules lives here, named by what it is for,
so a new cue or title is a one-line change with a test row beside it.  Lists are built
with `words()`, which refuses a word written twice; `tests/test_lexicon.py` checks that
every list is used, lower case, and that verb lists hold lemmas.
"""


def words(text: str) -> frozenset[str]:
    """The white-space separated words of `text`; `ValueError` on a word given twice."""
    items = text.split()
    repeated = sorted({w for w in items if items.count(w) > 1})
    if repeated:
        raise ValueError(f"words listed twice: {', '.join(repeated)}")
    return frozenset(items)


# The articles, and the pronouns that stand for no source of their own.
ARTICLES = words("the a an")
FIRST_AND_SECOND_PERSON = words("i we you")
FIRST_AND_SECOND_POSSESSIVES = words("my our your")
DEMONSTRATIVES = words("this that")
# Subjects of a reported clause that name no source: first and second person, and
# relative pronouns of things.
NOT_A_SOURCE = FIRST_AND_SECOND_PERSON | words("that which")
# Subjects of a sentence of speech that introduce nobody (`It said:`, `This is what …`).
NOT_A_SPEAKER_SUBJECT = FIRST_AND_SECOND_PERSON | DEMONSTRATIVES | words("it")
# Subjects of a sentence ending in a colon that introduce nobody (`Here is …:`).
NOT_AN_INTRODUCER = DEMONSTRATIVES | words("it here there")
# Subjects that stand for a speaker named elsewhere.
PRONOUN_SUBJECTS = words("he she they who it")
# Determiners of a description that points back to an entity (`the senator`).
DEFINITE_DETERMINERS = words("the this that")

# Lemmas of verbs that introduce what someone said, wrote or thought.  The first set
# is speech proper; the second is attitude and report verbs that news copy uses the
# same way ("X believes that ...", "X signalled that ...").
SPEECH_VERBS = words(
    """
    say tell add ask answer reply respond note explain state declare announce
    write tweet post testify insist argue claim contend maintain assert warn caution
    vow pledge promise threaten urge demand acknowledge admit concede confirm deny
    report reveal disclose recall remark comment observe quip joke boast brag complain
    lament grumble mutter whisper shout yell scream cry exclaim plead confess chant sing
    proclaim tout boom bark snap gush muse sigh scoff sneer
    hint signal indicate suggest imply predict forecast estimate reckon
    retort counter rebut reiterate repeat stress emphasize emphasise underscore
    conclude agree disagree concur object protest charge accuse allege blame
    praise criticize criticise condemn slam blast decry denounce dismiss reject
    describe characterize call label brand dub term
    recount relate narrate inform notify advise assure reassure remind
    mention cite quote read continue begin show thank applaud hail laud credit attribute
    """
)

ATTITUDE_VERBS = words(
    """
    believe think feel fear hope expect know worry doubt suspect assume guess
    contend figure reckon consider acknowledge recognize recognise realize realise
    understand wonder question find determine conclude decide anticipate foresee envision
    """
)

# Inflected cue verbs the tagger sometimes reads as nouns or names after a quote
# (`"…," the ministers state in the paper`, `"…," Silva, the mayor, Tweeted`).
CUE_VERB_FORMS = words(
    """
    said says state states stated wrote writes added adds tweeted tweets told tells
    asked asks explained explains argued argues insisted insists declared declares
    """
)

# Verbs that report speech with a particle (`fired back`, `lashed out`).
PHRASAL_CUES = frozenset(
    {("fire", "back"), ("shoot", "back"), ("hit", "back"), ("push", "back"), ("lash", "out"), ("make", "clear")}
)

REPORTING_VERBS = SPEECH_VERBS | ATTITUDE_VERBS

# Inflected cue verbs that can open a line before a name (`Said Silva: "..."`) and that
# NER then takes for a first name.
LEADING_CUE_FORMS = words("said says added adds stated states wrote writes asked asks explained explains told tells")

# Multi-word cues that have no verb of their own.
ACCORDING_TO = ("according", "to")
# Idioms of speech: a verb with its object (`as the senator put it`).
IDIOM_CUES = frozenset({("put", "it")})
# Verbs of speech that also narrate what someone thinks, never introducing words.
ATTITUDE_ONLY = words("agree disagree concur object protest")
# Cues that report speech only right after a quote (`..." he continued.`), never as
# verbs that govern a quoted fragment.
NARRATION_ONLY_CUES = words("continue begin read")
# Cues that go on with the speaker last quoted (`..., he added`): their pronoun is that speaker.
CONTINUING_CUES = words("add")
# Verbs whose words follow them directly (`says the plan is dead`).
SAY_VERBS = words("say tell add claim insist argue write warn")

# Titles and ranks written before a name.  Ranks alone are the least informative role.
RANKS = words(
    """
    gen. gen general lt. lt lieutenant col. col colonel maj. maj major capt. capt captain
    adm. adm admiral sgt. sgt sergeant cpl. cpl corporal pvt. pvt private cmdr. cmdr commander
    brig. brig marshal
    """
)

# A rank word written after an office noun is a postpositive adjective ("chief"), part of
# the office, not a military rank: "attorney general", "Surgeon General", "Secretary General".
POSTPOSITIVE_RANKS = words("general")

HONORIFICS = words(
    """
    mr. mr mrs. mrs ms. ms miss dr. dr prof. prof sir dame lord lady rev. rev reverend
    fr. fr father sister brother rabbi imam sheikh
    """
)

# Abbreviated titles and ranks, and the word a later description uses for them
# ("Sen. Ana Silva ... the senator").
TITLE_ABBREVIATIONS = {
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "gen": "general",
    "lt": "lieutenant",
    "col": "colonel",
    "maj": "major",
    "capt": "captain",
    "adm": "admiral",
    "sgt": "sergeant",
    "cpl": "corporal",
    "cmdr": "commander",
    "prof": "professor",
    "dr": "doctor",
    "supt": "superintendent",
    "insp": "inspector",
    "det": "detective",
    "pres": "president",
    "amb": "ambassador",
}

# Office titles that may stand before a name ("Senator Jack Reed", "Sen. Jack Reed").
NAME_TITLES = words(
    """
    president vice sen. sen senator rep. rep representative gov. gov governor
    mayor secretary minister premier chancellor judge justice attorney ambassador
    speaker chairman chairwoman chair leader commissioner director chief spokesman
    spokeswoman spokesperson officer sheriff detective prosecutor king queen prince
    princess pope cardinal bishop councilman councilwoman councillor congressman
    congresswoman delegate assemblyman assemblywoman treasurer comptroller
    superintendent coach professor commander general trustee alderman alderwoman selectman regent
    """
)

# Head nouns of role phrases ("commander of U.S. Central Command", "the top Democrat").
ROLE_NOUNS = words(
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
    co-chair co-chairman vice-chairman heir successor predecessor
    physician doctor surgeon nurse teacher principal student resident citizen
    veteran witness victim employee worker operator pilot soldier
    staffer host anchor commentator historian lawmaker legislator delegate
    mother father son daughter wife husband sister brother widow friend
    """
)

# Common-noun heads that make a speaker a group ("Defense officials", "experts").
GROUP_NOUNS = words(
    """
    officials leaders lawmakers legislators senators representatives members
    experts analysts economists scientists researchers critics supporters opponents
    advocates activists protesters protestors residents voters citizens americans
    democrats republicans conservatives liberals progressives officers troops soldiers
    diplomats prosecutors investigators authorities aides advisers advisors staffers
    observers commentators historians lawyers attorneys doctors teachers students
    parents workers employees executives investors pollsters strategists
    organizers campaigners allies rivals spokesmen insiders
    administrators regulators judges delegates donors fans families militants
    fighters rebels police
    """
)

# Heads of a speaker's noun phrase that keep their `of`/`among` phrase (`people
# familiar with the talks`, `members of the board`).
KEEP_PREP_HEADS = words("people person official officials member members sources source")
# Prepositions that tie a role to where it is held (`spokesman for the council`).
ROLE_PREPOSITIONS = words("for of at")
# The possessive endings as spaCy splits them off (`the party's`).
POSSESSIVE_ENDINGS = frozenset({"'s", "’s"})
# Prepositions that open examples, not part of a name (`officials, including ...`).
LIST_PREPOSITIONS = words("including like such")

# Heads that on their own mark an unnamed source.
ANONYMOUS_HEADS = words(
    """
    source sources person people someone insider insiders aide official
    """
)

# Determiners and quantifiers that make a noun phrase an unnamed source
# ("a U.S. official", "one official", "multiple U.S. officials", "some aides").
ANONYMOUS_DETERMINERS = words(
    """
    a an one two three four several multiple many some various certain other another
    numerous few
    """
)

# Prepositions that also open a finite clause (`after the mayor said ...`), which the
# parser may read as governing the clause's subject.
CLAUSE_PREPOSITIONS = words("after before since until till")

# The determiners of one unnamed source ("a Labour backbencher has said").
SINGULAR_INDEFINITE_DETERMINERS = words("a an one")

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
WORK_CUES = words(
    """
    book novel film movie documentary song album show series episode play musical
    article essay column op-ed editorial report paper poem headline titled entitled
    called dubbed named nicknamed slogan hashtag campaign program programme bill act
    """
)
# Nouns for works whose title may follow after a comma and carry the sentence's comma or
# full stop inside its marks (`his new book, "Doomed to Succeed,"`).
WORK_NOUNS = words(
    """
    book memoir novel film movie documentary song album show series sitcom episode play
    musical podcast programme program poem titled entitled
    """
)
# Nouns right after a quoted Title Case phrase that make it a name, not words spoken:
# `the "Daily Show" host`, `a "Make America Great Again" hat`.
NAMED_THING_NOUNS = words(
    """
    host co-host anchor star creator producer hat hats cap caps shirt shirts t-shirt
    sign signs banner banners sticker stickers button buttons episode episodes segment
    broadcast podcast series franchise brand logo
    """
)

# Nouns that carry speech without a verb: "in a statement", "in an interview".
SPEECH_NOUNS = words(
    """
    statement interview remarks speech testimony letter tweet post release
    briefing conference email memo op-ed
    """
)

# Verbs whose object is what the source says, wants or stands for ("Graham called both
# candidates “crazy”", "Rubio endorsed the plan", "Trump wants to build a wall").
STANCE_OBJECT_VERBS = words(
    """
    call label brand dub describe characterize term criticize criticise praise endorse
    support oppose defend blame accuse condemn denounce reject dismiss deny question
    cite mention discuss propose announce offer want plan urge demand recommend promise
    pledge vow threaten ask request push predict welcome applaud thank mock
    slam blast decry disavow prefer favor favour hope intend expect decline refer point talk
    seek refuse express challenge like
    """
)
# Verbs of intention, refusal and expectation: what they take is no one's words, even
# where WordNet gives them a sense of speech (`declined to comment`, `plans to run`).
INTENTION_VERBS = words("want plan hope expect intend decline refuse seek try aim wish prefer mean need")
# Verbs whose object is the person addressed, not the content (`asked the network to ...`).
ADDRESSEE_VERBS = words("ask urge tell request push")
# Verbs that ask `for` something (`called for`, `pushed for`): a demand, not a statement.
REQUEST_VERBS = ADDRESSEE_VERBS | words("call press appeal")
# Verbs that report what a source called something (`called the plan a disaster`).
NAMING_VERBS = words("call label brand dub describe characterize characterise term")

# Heads of noun phrases that name an organisation ("the militia", "the department"):
# a name described by one is an organisation, whatever NER said.
ORG_DESCRIPTIONS = words(
    """group organization organisation company firm agency militia party network outlet
    newspaper campaign committee department ministry administration government council
    union association coalition movement"""
)
# Heads that, after "the", point back to the latest organisation ("the paper said").
GENERIC_ORG_HEADS = ORG_DESCRIPTIONS | words("paper office board team")

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

# -------- Unnamed sources and descriptions --------------------------------------

# The units of an age written before a noun ("58-year-old", "six-month-old").
AGE_UNITS = words("year years month months week weeks")
# Heads that make a description an unnamed source whatever its determiner.
UNNAMED_SOURCE_HEADS = words("source sources people person someone")
# Determiners of a plural description that mark it anonymous rather than a group.
ANONYMOUS_PLURAL_DETERMINERS = words("multiple several some")
# A determiner that sets a description apart from the sources before it.
CONTRASTIVE_DETERMINERS = words("other")

# -------- Names, titles and roles -----------------------------------------------

# Words that end an appositive role after a name (`Ana Silva, who …`, `…, said …`).
APPOSITIVE_STOPS = words("who whose whom which that where when said says")
# Words that join the parts of a title (`Chairman of the Joint Chiefs`).
NAME_CONNECTORS = words("of the for on and to")
# Words before a name that say where someone serves, not who they are.
NATIONALITY_PREFIXES = words("u.s. us u.s american")
SERVICE_WORDS = words("army marine navy air force coast guard retired")

# -------- Titles of works -------------------------------------------------------

# Small words a Title Case title may leave in lower case.
TITLE_SMALL_WORDS = words("a an the of and or in on at to for with by from")

# -------- Reported speech -------------------------------------------------------

# Words that open a reported clause and are not part of it.
COMPLEMENTIZERS = words("that whether if")
# Marks of an open question (`whether he believes …`): nothing asserted.
OPEN_QUESTION_MARKERS = words("whether if")
# Nouns for findings that speak for themselves: `In a new poll, 50 percent chose Silva.`
FINDING_NOUNS = words("poll polls survey surveys study studies report analysis census tally count")

# -------- Headlines and labels --------------------------------------------------

# Words of recurring-feature labels (`The Latest:`, `Delegate Update:`, `Morning Email:`).
SERIES_WORDS = words("latest update updates daily weekly email newsletter briefing roundup name")
# Labels before a colon that introduce no source.
NOT_HEADLINE_SOURCES = words(
    """
    update updated note related watch video photo photos correction breaking exclusive
    opinion analysis more listen live warning caption credit source sources byline dateline
    """
) | frozenset({"editor's note", "editor’s note", "read more", "see also"})
# A line that opens with one of these links another story; it reports nobody's speech.
LINK_LINE_PREFIXES = ("related:", "read more:", "see also:", "more:", "watch:", "listen:", "click here")

# --- Layouts and cues around a quote (issue 12) ---------------------------------------
# Bodies that speak as one and that WordNet files as groups, not persons (`The club
# said:`, `The court ruled:`); with the person nouns, role nouns and organisation heads
# above, the subjects that can introduce a quote with a colon (`Three towns made the
# shortlist:` introduces a list, not words anybody said).
SPEAKING_BODIES = words(
    """
    club court foundation institute university college school hospital bank charity
    trust league federation panel jury commission bureau service force army navy
    regulator watchdog tribunal cabinet parliament congress senate assembly
    """
)
# Nouns of an answer whose owner introduces the quote (`Her reply was:`, `The
# minister's response:`), beside the speech nouns above.
ANSWER_NOUNS = words("response reply answer message verdict retort explanation")
# Pronouns that can introduce a quote with a colon (`She added:`, `His reply was:`).
INTRODUCING_PRONOUNS = words("he she they we i who his her their")
# Verbs of speech whose first object is the person addressed, never the speaker, even
# after the verb (`"…," Ruiz told the Gazette's Hale`; `asked` inverts: `"…?" asked Ruiz`).
ADDRESSEE_FIRST_VERBS = words("tell inform notify remind assure reassure brief")
# Verbs of quoting: in the passive their subject is who spoke and their agent the outlet
# that quoted (`Silva was quoted by Reuters as saying`), unlike other verbs of speech
# (`The plan was described by Silva as "a shambles"`: Silva spoke).
QUOTING_VERBS = words("quote cite report paraphrase")

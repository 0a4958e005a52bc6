"""Demo data for `manage.py load_demo`: the LAP Stage 1 course (English), organisations and people.

Principle numbers are the 2023 numbers (Committee of Ministers Recommendation CM/Rec(2023)5).
Lesson bodies are StreamField raw data. Rich text uses only <p>, <b>, <i>, <ul>, <ol>, <li>
and <h3>.
"""

# name, kind ("municipality" | "cso" | "other"), place
ORGANISATIONS = [
    {"name": "Općina Jablanica", "kind": "municipality", "place": "Jablanica"},
    {"name": "Općina Maglaj", "kind": "municipality", "place": "Maglaj"},
    {"name": "Grad Trebinje", "kind": "municipality", "place": "Trebinje"},
    {"name": "Općina Žepče", "kind": "municipality", "place": "Žepče"},
    {"name": "Local Democracy Agency Mostar", "kind": "cso", "place": "Mostar"},
]

# email, full_name, role ("mayor" | "councillor" | "official" | "cso" | "other"),
# organisation (a name from ORGANISATIONS),
# group ("learner" | "trainer" | "certificate_admin" | "site_admin")
PEOPLE = [
    {
        "email": "learner@lap.example",
        "full_name": "Amra Hodžić",
        "role": "official",
        "organisation": "Općina Jablanica",
        "group": "learner",
    },
    {
        "email": "trainer@lap.example",
        "full_name": "Dragan Petrović",
        "role": "other",
        "organisation": "Local Democracy Agency Mostar",
        "group": "trainer",
    },
    {
        "email": "certificates@lap.example",
        "full_name": "Lejla Kovačević",
        "role": "cso",
        "organisation": "Local Democracy Agency Mostar",
        "group": "certificate_admin",
    },
    {
        "email": "admin@lap.example",
        "full_name": "Mirza Begić",
        "role": "other",
        "organisation": "Local Democracy Agency Mostar",
        "group": "site_admin",
    },
    {
        "email": "ivana.saric@lap.example",
        "full_name": "Ivana Šarić",
        "role": "councillor",
        "organisation": "Općina Žepče",
        "group": "learner",
    },
    {
        "email": "nedzad.causevic@lap.example",
        "full_name": "Nedžad Čaušević",
        "role": "official",
        "organisation": "Općina Maglaj",
        "group": "learner",
    },
    {
        "email": "milica.jovanovic@lap.example",
        "full_name": "Милица Јовановић",
        "role": "councillor",
        "organisation": "Grad Trebinje",
        "group": "learner",
    },
    {
        "email": "selma.dulic@lap.example",
        "full_name": "Selma Đulić",
        "role": "cso",
        "organisation": "Local Democracy Agency Mostar",
        "group": "learner",
    },
]

COURSE = {
    "title": "LAP Stage 1 - Leadership for Organisations",
    "slug": "lap-stage-1",
    "summary": (
        "The first stage of the Council of Europe's Leadership Academy Programme, with online "
        "lessons to follow between workshops. It introduces the 12 Principles of Good Democratic "
        "Governance, the functions and styles of local leadership, the ELoGE benchmark, and "
        "practical ways of working with citizens and civil society."
    ),
    "audience": (
        "Mayors, municipal councillors, senior municipal officials and representatives of "
        "civil-society organisations in Bosnia and Herzegovina taking part in a LAP cohort."
    ),
    "estimated_hours": 12,
    "learning_outcomes": [
        (
            "Explain the 12 Principles of Good Democratic Governance and how CM/Rec(2023)5 updated "
            "the 2008 list."
        ),
        (
            "Recognise how the principles apply to everyday municipal services, decisions and "
            "meetings."
        ),
        "Describe the main functions of local leaders and adapt leadership style to the situation.",
        "Identify ethical risks in municipal work and strengthen accountability.",
        (
            "Describe the phases and tools of ELoGE and turn assessment results into an "
            "improvement plan."
        ),
        "Plan how to inform, consult and involve citizens and CSOs in a local decision.",
    ],
    "principles": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    "tags": [
        "leadership",
        "good governance",
        "local self-government",
        "12 principles",
        "ELoGE",
        "participation",
    ],
    "modules": [
        {
            "title": "Good Local Governance",
            "slug": "good-local-governance",
            "intro": (
                "Where the 12 Principles of Good Democratic Governance come from, how the 2023 "
                "recommendation updated them, and what they mean for the everyday work of a "
                "municipality and the competences of its leaders."
            ),
            "lessons": [
                {
                    "title": "From the 2008 Strategy to CM/Rec(2023)5",
                    "slug": "from-2008-strategy-to-cm-rec-2023-5",
                    "minutes": 15,
                    "principles": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
                    "tags": ["history", "12 principles", "council of europe"],
                    "body": [
                        {
                            "type": "heading",
                            "value": {"text": "Where the 12 Principles come from", "level": "h2"},
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>In 2008 the Committee of Ministers of the Council of Europe "
                                "endorsed the <b>Strategy for Innovation and Good Governance at "
                                "Local Level</b>. At its heart were twelve principles of good "
                                "democratic governance: a shared description of what citizens can "
                                "reasonably expect from the authorities closest to them. In the "
                                "years that followed, the Council of Europe developed practical "
                                "tools to help municipalities put the principles to work, among "
                                "them the Leadership Academy Programme (LAP) and the European "
                                "Label of Governance Excellence (ELoGE).</p><p>The principles were "
                                "never meant as a checklist for lawyers. They describe outcomes: "
                                "elections that are fair, services that respond to need, money "
                                "that is managed soundly, decisions that citizens can follow and "
                                "question. For fifteen years they served as a common language for "
                                "municipalities, associations of local authorities, civil society "
                                "and trainers across Europe, including in Bosnia and "
                                "Herzegovina.</p>"
                            ),
                        },
                        {
                            "type": "heading",
                            "value": {"text": "The 2023 revision", "level": "h2"},
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>In 2023 the Committee of Ministers adopted <b>Recommendation "
                                "CM/Rec(2023)5</b> on the principles of good democratic "
                                "governance. The recommendation keeps twelve principles but "
                                "revises their names, their order and what is expected under each "
                                "one. The 2023 benchmark describes every principle through three "
                                "outcome statements, so that a municipality can ask a concrete "
                                "question: is this outcome visible in our work, and how would we "
                                "show it?</p><p>The list, in its 2023 order, "
                                "is:</p><ol><li>Democratic Participation</li><li>Human "
                                "Rights</li><li>Rule of Law</li><li>Public "
                                "Ethics</li><li>Accountability</li><li>Openness and "
                                "Transparency</li><li>Efficient, Effective and Sound "
                                "Administration</li><li>Leadership, Capability and "
                                "Capacity</li><li>Responsiveness</li><li>Sound Financial and "
                                "Economic Management</li><li>Sustainability and Long-term "
                                "Orientation</li><li>Openness to Change and "
                                "Innovation</li></ol><p>The new numbering matters in practice. "
                                "Older handbooks, self-assessment reports and training material "
                                "use the 2008 numbers. Responsiveness, for example, was principle "
                                "2 in 2008 and is principle 9 today, while Accountability moved "
                                "from 12 to 5. When you read a document, check which list it "
                                "follows. On this platform every lesson, quiz question and "
                                "certificate uses the 2023 numbers.</p>"
                            ),
                        },
                        {
                            "type": "callout",
                            "value": {
                                "tone": "info",
                                "title": "Two numbers, one principle",
                                "body": (
                                    '<p>If a colleague refers to "principle 4", ask whether they '
                                    "mean the 2008 list (Openness and Transparency) or the 2023 "
                                    "list (Public Ethics). The platform keeps both numbers so that "
                                    "older reports can still be compared with new ones.</p>"
                                ),
                            },
                        },
                        {
                            "type": "heading",
                            "value": {
                                "text": "Why the principles matter for a municipality",
                                "level": "h2",
                            },
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>For a mayor, a municipal council or a head of department, the "
                                "principles work as a mirror and as a compass. As a mirror they "
                                "show how the municipality looks from the outside: to a young "
                                "family applying for a building permit, to a local association "
                                "asking for a grant, to an investor waiting for a decision. As a "
                                "compass they help leaders choose priorities when there is not "
                                "enough money or staff to do everything at once.</p><p>In Bosnia "
                                "and Herzegovina, where municipalities and cities work under "
                                "different entity, cantonal and district legislation, the "
                                "principles offer a common reference that does not depend on those "
                                "differences. A municipality in the Federation and a city in "
                                "Republika Srpska can compare their practice on the same twelve "
                                "points and learn from each other, as the four municipalities of a "
                                "LAP cohort do.</p>"
                            ),
                        },
                        {
                            "type": "reflection",
                            "value": {
                                "prompt": (
                                    "Think of one decision your municipality took in the last "
                                    "year. Which of the 12 Principles did it serve well, and which "
                                    "one did it neglect?"
                                ),
                            },
                        },
                    ],
                },
                {
                    "title": "The Principles in Daily Municipal Work",
                    "slug": "principles-in-daily-municipal-work",
                    "minutes": 20,
                    "principles": [7, 9],
                    "tags": ["public services", "administration", "service delivery"],
                    "body": [
                        {
                            "type": "heading",
                            "value": {
                                "text": "Principles are visible at the counter",
                                "level": "h2",
                            },
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Citizens rarely read strategies. They meet the municipality at "
                                "the service counter, on the phone, on its website and in the "
                                "decisions that reach their street. That is where two principles "
                                "are tested every day: <b>Efficient, Effective and Sound "
                                "Administration</b> (principle 7) and <b>Responsiveness</b> "
                                "(principle 9).</p><p>Efficient administration means that results "
                                "are achieved with the resources available, that procedures are as "
                                "simple as the law allows and that the municipality checks whether "
                                "it is meeting its objectives. Effectiveness asks a different "
                                "question: did the service actually solve the problem? A permit "
                                "issued quickly but with mistakes, or a road repaired on time but "
                                "without drainage, is efficient on paper and ineffective in "
                                "practice. Sound administration adds clear rules and good records, "
                                "so that the next official can pick up where the last one "
                                "stopped.</p>"
                            ),
                        },
                        {
                            "type": "heading",
                            "value": {"text": "Three everyday examples", "level": "h2"},
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<ul><li><b>The citizens' service centre.</b> A municipality "
                                "reorganises its counter so that a citizen can submit all "
                                "documents for a building permit at one desk, receives a written "
                                "confirmation with a reference number and can check the status "
                                "online. Waiting times are recorded every month and "
                                "published.</li><li><b>Standard response times.</b> The mayor's "
                                "office sets an internal rule that every written request receives "
                                "at least an acknowledgement within a fixed number of working "
                                "days, even if the full answer takes longer. The administration "
                                "reports to the council twice a year on how often the rule was "
                                "met.</li><li><b>Winter maintenance.</b> Before winter, the "
                                "communal services department publishes the order in which streets "
                                "are cleared and a phone number for urgent cases, so that "
                                "residents of remote local communities (mjesne zajednice) know "
                                "what to expect.</li></ul><p>None of these examples needs a large "
                                "budget. Each needs someone to decide that citizens' time and "
                                "trust are worth managing, and a routine that keeps the decision "
                                "alive after the first enthusiasm fades.</p>"
                            ),
                        },
                        {
                            "type": "heading",
                            "value": {"text": "Responsiveness is more than speed", "level": "h2"},
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Responsiveness means that the municipality adapts its "
                                "objectives, rules and procedures to the legitimate needs and "
                                "expectations of citizens, and that requests and complaints "
                                "receive an answer within a reasonable time. Speed is part of it, "
                                "but so is listening. If many parents ask for longer kindergarten "
                                "opening hours, a responsive municipality examines the request "
                                "seriously, explains what is possible and what is not, and reports "
                                "back to the parents.</p><p>Responsiveness also has limits. Not "
                                "every request is legitimate or affordable, and a good "
                                "administration says so openly instead of promising what it cannot "
                                'deliver. A clear, polite "no" with reasons is more responsive '
                                "than silence.</p>"
                            ),
                        },
                        {
                            "type": "quote",
                            "value": {
                                "text": (
                                    "Public services are delivered, and requests and complaints "
                                    "are responded to, within a reasonable timeframe."
                                ),
                                "attribution": "Principle 9, Responsiveness (paraphrased)",
                            },
                        },
                        {
                            "type": "callout",
                            "value": {
                                "tone": "tip",
                                "title": "Start small",
                                "body": (
                                    "<p>Choose one service that generates many complaints, measure "
                                    "how long it takes today, and agree on a realistic target with "
                                    "the staff who deliver it. Publish the result after three "
                                    "months.</p>"
                                ),
                            },
                        },
                        {
                            "type": "reflection",
                            "value": {
                                "prompt": (
                                    "Which service in your municipality do citizens complain about "
                                    "most often? What would efficient, effective and responsive "
                                    "delivery of that service look like one year from now?"
                                ),
                            },
                        },
                    ],
                },
                {
                    "title": "Competences for Local Leaders",
                    "slug": "competences-for-local-leaders",
                    "minutes": 15,
                    "principles": [8],
                    "tags": ["competences", "capacity building", "human resources"],
                    "body": [
                        {
                            "type": "heading",
                            "value": {
                                "text": "Principle 8: Leadership, Capability and Capacity",
                                "level": "h2",
                            },
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Principle 8, <b>Leadership, Capability and Capacity</b>, asks "
                                "that elected representatives and staff have the skills, knowledge "
                                "and resources they need to do their jobs, and that leaders take "
                                "responsibility for building them. It links individual competence "
                                "(what a person can do) with organisational capacity (what the "
                                "municipality as a whole can deliver). A skilled head of "
                                "department cannot make up for an organisation without clear "
                                "procedures, and good procedures fail if nobody has the skills to "
                                "apply them.</p><p>In a municipality, leadership is not limited to "
                                "the mayor. Councillors lead when they prepare a decision and "
                                "explain it to voters. Heads of department lead their teams. The "
                                "head of the administration leads its daily work. CSO "
                                "representatives lead when they bring citizens together around a "
                                "local problem. The Leadership Academy Programme is built on the "
                                "idea that all of these roles need leadership skills, and that "
                                "they benefit from practising them together.</p>"
                            ),
                        },
                        {
                            "type": "heading",
                            "value": {"text": "Competences a local leader needs", "level": "h2"},
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Training programmes and competence frameworks describe local "
                                "leadership in different ways, but most include the following "
                                "groups of competences:</p><ul><li><b>Strategic thinking</b>: "
                                "setting priorities, seeing how today's decisions affect the next "
                                "ten years, connecting the budget to the development "
                                "strategy.</li><li><b>Managing people</b>: delegating, giving "
                                "feedback, recognising good work, dealing with conflict in a "
                                "team.</li><li><b>Communication</b>: explaining decisions in plain "
                                "language, listening to citizens and staff, chairing meetings "
                                "well.</li><li><b>Knowledge of the framework</b>: the laws on "
                                "local self-government, public finance, public procurement and "
                                "access to information that apply in your entity, canton or "
                                "district.</li><li><b>Ethical judgement</b>: recognising conflicts "
                                "of interest and acting with integrity when the rules are "
                                "unclear.</li><li><b>Openness to learning</b>: seeking feedback, "
                                "learning from other municipalities and trying new "
                                "approaches.</li></ul>"
                            ),
                        },
                        {
                            "type": "heading",
                            "value": {"text": "Building capacity, not only skills", "level": "h2"},
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Competences grow through practice, reflection and feedback "
                                "more than through lectures. This is why LAP combines workshops "
                                "with work on real municipal issues between sessions. A useful "
                                "question for every leader is: who in my team could do my job if I "
                                'were absent for a month? If the answer is "nobody", the '
                                "municipality has a capacity problem, however capable its "
                                "leader.</p><p>Practical steps include a simple staff training "
                                "plan linked to annual objectives, an induction programme for "
                                "newly elected councillors after local elections, up-to-date job "
                                "descriptions, and mentoring between experienced and new "
                                "officials. Steps of this kind are a realistic starting point, and "
                                "the next LAP workshop is a good moment to review what worked and "
                                "what did not.</p>"
                            ),
                        },
                        {
                            "type": "callout",
                            "value": {
                                "tone": "warning",
                                "title": "The hero trap",
                                "body": (
                                    "<p>A leader who solves every problem personally may feel "
                                    "indispensable, but the organisation learns nothing. Capacity "
                                    "is built when leaders let others take responsibility, and "
                                    "make mistakes they can learn from.</p>"
                                ),
                            },
                        },
                        {
                            "type": "reflection",
                            "value": {
                                "prompt": (
                                    "Choose three competences from this lesson. Rate yourself "
                                    "honestly on each one, and name one concrete situation in the "
                                    "coming month where you can practise it."
                                ),
                            },
                        },
                    ],
                },
            ],
        },
        {
            "title": "Understanding Leadership",
            "slug": "understanding-leadership",
            "intro": (
                "What local leaders are for, why no single leadership style fits every situation, "
                "and how values and public ethics underpin trust in local government."
            ),
            "lessons": [
                {
                    "title": "The Functions of Local Leaders",
                    "slug": "functions-of-local-leaders",
                    "minutes": 20,
                    "principles": [1, 11],
                    "tags": ["vision", "strategy", "participation", "public services"],
                    "body": [
                        {
                            "type": "heading",
                            "value": {"text": "What local leaders are for", "level": "h2"},
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Local leaders are elected or appointed to serve a community, "
                                "not an institution. In LAP Stage 1 their role is described "
                                "through three connected functions: giving the community a "
                                "direction (vision), making sure that public services work, and "
                                "involving citizens in the decisions that affect them. A mayor who "
                                "manages services well but has no vision keeps the municipality "
                                "running in place. A mayor with a bold vision who neglects "
                                "services soon loses citizens' trust. Both make poorer decisions "
                                "if citizens have no real voice.</p>"
                            ),
                        },
                        {
                            "type": "heading",
                            "value": {"text": "Vision and the long term", "level": "h2"},
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>A vision answers the question: what kind of place do we want "
                                "this municipality to be in ten or fifteen years? Municipalities "
                                "in Bosnia and Herzegovina prepare development strategies, and the "
                                "vision in the strategy should guide the annual budget and work "
                                "programme. Too often, however, the strategy sits on a shelf while "
                                "the budget is decided by habit.</p><p>Principle 11, "
                                "<b>Sustainability and Long-term Orientation</b>, asks leaders to "
                                "take the interests of future generations into account. In "
                                "practice that means asking, before each major decision, what it "
                                "will cost to maintain, who will use it in twenty years and how it "
                                "affects the natural environment. A new sports hall is a good "
                                "investment only if the municipality can pay the heating and "
                                "maintenance bills; a riverside development must take flood risk "
                                "into account.</p>"
                            ),
                        },
                        {
                            "type": "heading",
                            "value": {"text": "Services and involving citizens", "level": "h2"},
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Services are where vision meets daily life: water supply, "
                                "waste collection, local roads, preschool education, permits and "
                                "certificates. Leaders do not deliver these services themselves, "
                                "but they set standards, allocate resources and ask whether the "
                                "results are good enough.</p><p>Principle 1, <b>Democratic "
                                "Participation</b>, reminds leaders that citizens are not only "
                                "users of services but members of a political community. They "
                                "elect the mayor and the council, but participation does not end "
                                "on election day. Local communities (mjesne zajednice), public "
                                "hearings, citizens' initiatives and consultations with CSOs give "
                                "people ways to take part between elections. A leader who uses "
                                "these channels early, while options are still open, gets better "
                                "information and more legitimate decisions.</p>"
                            ),
                        },
                        {
                            "type": "callout",
                            "value": {
                                "tone": "info",
                                "title": "The three LAP stages",
                                "body": (
                                    "<p>The Leadership Academy Programme has three stages: "
                                    "<b>Leadership for Organisations</b> (this course), "
                                    "<b>Leadership for Strategy</b> and <b>Leadership for Capacity "
                                    "Building</b>. Stage 1 focuses on you, your team and your "
                                    "organisation; the later stages build on it.</p>"
                                ),
                            },
                        },
                        {
                            "type": "quote",
                            "value": {
                                "text": (
                                    "Leading a municipality means keeping three things in view at "
                                    "once: where we are going, what works today, and who is at the "
                                    "table."
                                ),
                                "attribution": "LAP participant, 2024",
                            },
                        },
                        {
                            "type": "reflection",
                            "value": {
                                "prompt": (
                                    "Write one sentence describing your municipality's vision. "
                                    "Then name one current service problem and one group of "
                                    "citizens who should be involved in solving it. How are the "
                                    "three connected?"
                                ),
                            },
                        },
                    ],
                },
                {
                    "title": "Situational Leadership: No One Style Fits All",
                    "slug": "situational-leadership",
                    "minutes": 20,
                    "principles": [8],
                    "tags": ["leadership styles", "situational leadership", "teams"],
                    "body": [
                        {
                            "type": "heading",
                            "value": {"text": "No one style fits all", "level": "h2"},
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>A common myth is that there is one correct way to lead: the "
                                "strong leader who decides everything, or the friendly leader who "
                                "keeps everyone happy. <b>LAP does not teach one universal "
                                "leadership style.</b> It helps participants recognise their own "
                                "preferred style, understand its strengths and blind spots, and "
                                "adapt their behaviour to the people and the situation in front of "
                                "them.</p><p>One widely used model is situational leadership, "
                                "developed by Paul Hersey and Ken Blanchard. It combines two kinds "
                                "of behaviour: directive behaviour (telling people what to do, how "
                                "and by when) and supportive behaviour (listening, encouraging and "
                                "involving people in decisions). The right mix depends on the "
                                "competence and commitment of the person or team for a particular "
                                "task.</p>"
                            ),
                        },
                        {
                            "type": "heading",
                            "value": {"text": "Four styles", "level": "h2"},
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<ul><li><b>Directing</b>: high direction, low support. Useful for "
                                "a new employee or a new task with clear rules, such as the first "
                                "week of processing applications.</li><li><b>Coaching</b>: high "
                                "direction, high support. Useful when people are still learning "
                                "and their motivation has dipped, for example when staff introduce "
                                "a new electronic document system.</li><li><b>Supporting</b>: low "
                                "direction, high support. Useful when people know how to do the "
                                "work but lack confidence, or need to own the "
                                "decision.</li><li><b>Delegating</b>: low direction, low support. "
                                "Useful for experienced and motivated staff, such as a head of "
                                "department preparing the annual report on a familiar "
                                "service.</li></ul><p>Some versions of the model use the names "
                                "telling, selling, participating and delegating. The idea is the "
                                "same: the style follows the need.</p>"
                            ),
                        },
                        {
                            "type": "heading",
                            "value": {"text": "Applying it in a municipality", "level": "h2"},
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>The same person may need different styles for different tasks. "
                                "An experienced finance officer may need only delegation for the "
                                "routine budget, but coaching when the municipality introduces "
                                "programme budgeting for the first time. A newly elected "
                                "councillor may need clear guidance on the rules of procedure, but "
                                "full support and trust when representing the views of their local "
                                "community.</p><p>Situational leadership also applies to groups. A "
                                "working group preparing a local youth strategy may start with a "
                                "lot of direction from its chair and, as members gain confidence, "
                                "move towards a style in which the chair mainly supports and "
                                "checks progress. The skill lies in noticing when the situation "
                                "has changed and adjusting, instead of staying with a comfortable "
                                "habit.</p><p>This connects directly to principle 8, "
                                "<b>Leadership, Capability and Capacity</b>: leaders who adapt "
                                "their style build capability in others, instead of keeping all "
                                "knowledge and decisions at the top.</p>"
                            ),
                        },
                        {
                            "type": "callout",
                            "value": {
                                "tone": "tip",
                                "title": "Diagnose before you lead",
                                "body": (
                                    "<p>Before assigning a task, ask two questions: does this "
                                    "person know how to do it, and do they want to? The answers "
                                    "point to the style that will help most.</p>"
                                ),
                            },
                        },
                        {
                            "type": "reflection",
                            "value": {
                                "prompt": (
                                    "Think of two colleagues you work with regularly. Which style "
                                    "do you usually use with each of them, and which style would "
                                    "they actually need for their most important current task?"
                                ),
                            },
                        },
                    ],
                },
                {
                    "title": "Values and Public Ethics",
                    "slug": "values-and-public-ethics",
                    "minutes": 20,
                    "principles": [4, 5],
                    "tags": ["ethics", "integrity", "conflict of interest", "accountability"],
                    "body": [
                        {
                            "type": "heading",
                            "value": {"text": "Why values come first", "level": "h2"},
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Leadership in public office rests on trust, and trust rests on "
                                "values. Citizens accept decisions they do not like when they "
                                "believe that the process was fair and that the people deciding "
                                "acted in the public interest. When they suspect that jobs, "
                                "contracts or permits depend on connections, even good decisions "
                                "lose their legitimacy.</p><p>Principle 4, <b>Public Ethics</b>, "
                                "asks that the public good is placed before individual interests, "
                                "that there are effective measures to prevent and combat "
                                "corruption, and that conflicts of interest are declared in time, "
                                "with the persons concerned taking no part in the related "
                                "decisions. Principle 5, <b>Accountability</b>, asks that elected "
                                "representatives and officials take responsibility for their "
                                "decisions, and that decisions are reported on, explained and can "
                                "be sanctioned.</p>"
                            ),
                        },
                        {
                            "type": "heading",
                            "value": {
                                "text": "Ethics in everyday municipal situations",
                                "level": "h2",
                            },
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Ethical dilemmas in a municipality are rarely dramatic. More "
                                "often they look like this:</p><ul><li>A councillor's "
                                "brother-in-law applies for a grant from the municipal budget line "
                                "for sports clubs, and the councillor sits on the committee that "
                                'recommends the awards.</li><li>An official is offered a "small '
                                'thank-you" after helping a citizen complete a complicated '
                                "application.</li><li>A head of department is asked by a political "
                                "party to find a job for a supporter before the local "
                                "elections.</li><li>A CSO that receives municipal funding is asked "
                                "to stay quiet about a problem in the municipality's "
                                "work.</li></ul><p>In each case the right action is usually clear "
                                "in principle: declare the interest and step aside from the "
                                "decision, refuse the gift politely, refer the request to the "
                                "rules on employment, protect the CSO's independence. What makes "
                                "it hard is social pressure, loyalty and fear of consequences. "
                                "Leaders make ethical behaviour easier for others by setting an "
                                "example and by putting clear procedures in place, such as a "
                                "register of interests, a policy on gifts and a safe channel for "
                                "reporting concerns.</p>"
                            ),
                        },
                        {
                            "type": "heading",
                            "value": {"text": "Accountability as a habit", "level": "h2"},
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Accountability is more than answering questions when something "
                                "goes wrong. An accountable municipality explains its decisions in "
                                "advance, reports on results, publishes what it spent and what it "
                                "achieved, and corrects mistakes openly. The mayor's annual report "
                                "to the council, council sessions open to the public and answers "
                                "to councillors' questions are regular moments of accountability. "
                                "Leaders who treat them as a chance to explain, rather than a "
                                "ritual to survive, build trust over time.</p>"
                            ),
                        },
                        {
                            "type": "quote",
                            "value": {
                                "text": "The public good is placed before individual interests.",
                                "attribution": "Principle 4, Public Ethics (paraphrased)",
                            },
                        },
                        {
                            "type": "callout",
                            "value": {
                                "tone": "warning",
                                "title": "Perception matters",
                                "body": (
                                    "<p>Even when no rule is broken, a decision can damage trust "
                                    "if it looks like a conflict of interest. When in doubt, "
                                    "declare the interest and step aside.</p>"
                                ),
                            },
                        },
                        {
                            "type": "reflection",
                            "value": {
                                "prompt": (
                                    "Which of the four dilemmas above is most likely to arise in "
                                    "your role? What rule, procedure or personal habit would help "
                                    "you act well when it does?"
                                ),
                            },
                        },
                    ],
                },
            ],
        },
        {
            "title": "Leadership Benchmark and ELoGE",
            "slug": "leadership-benchmark-and-eloge",
            "intro": (
                "How the European Label of Governance Excellence works, how a municipality "
                "assesses its own governance honestly, and how to turn the results into an "
                "improvement plan that is funded and followed up."
            ),
            "lessons": [
                {
                    "title": "ELoGE: Phases and Tools",
                    "slug": "eloge-phases-and-tools",
                    "minutes": 20,
                    "principles": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
                    "tags": ["ELoGE", "benchmark", "surveys"],
                    "body": [
                        {
                            "type": "heading",
                            "value": {"text": "What ELoGE is", "level": "h2"},
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>The <b>European Label of Governance Excellence (ELoGE)</b> is "
                                "a Council of Europe label for local authorities that show a high "
                                "overall level of good governance measured against the 12 "
                                "Principles. It is not a prize for the richest or the largest "
                                "municipality. It recognises municipalities that look honestly at "
                                "their own governance, listen to citizens and elected "
                                "representatives, and commit to improvement.</p><p>A municipality "
                                "earns the label through an <b>accredited national platform</b>, "
                                "an organisation accredited by the Council of Europe to run the "
                                "process in its country. In Bosnia and Herzegovina the platform is "
                                "led by the Local Democracy Agency Mostar together with partners. "
                                "In December 2023 three local governments in Bosnia and "
                                "Herzegovina received the label: <b>Jablanica, Prijedor and "
                                "Žepče</b>.</p>"
                            ),
                        },
                        {
                            "type": "heading",
                            "value": {"text": "The phases", "level": "h2"},
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<ol><li><b>Decision to take part.</b> The municipality decides to "
                                "apply and names a coordinator and a small working team. Support "
                                "from both the mayor and the council makes the later phases much "
                                "easier.</li><li><b>Self-assessment.</b> Municipal officials "
                                "assess the municipality's practice against the 12 Principles "
                                "using the benchmark, with evidence for each "
                                "answer.</li><li><b>Citizens' survey.</b> Residents are asked how "
                                "they experience the municipality's governance on the same "
                                "principles.</li><li><b>Elected representatives' survey.</b> "
                                "Members of the council answer a parallel "
                                "survey.</li><li><b>Evaluation.</b> The national platform reviews "
                                "the results, and an expert committee considers them before the "
                                "label is awarded.</li><li><b>Follow-up.</b> Whatever the outcome, "
                                "the findings are most valuable when the municipality turns them "
                                "into an improvement plan.</li></ol>"
                            ),
                        },
                        {
                            "type": "heading",
                            "value": {"text": "Three perspectives, one picture", "level": "h2"},
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>The strength of ELoGE is that it combines three perspectives "
                                "on the same principles: the <b>officials' self-assessment</b>, "
                                "the view of the <b>elected representatives</b> and the view of "
                                "<b>citizens</b>. Each sees something the others miss. Officials "
                                "know the procedures; councillors see how decisions are prepared "
                                "and reported; citizens experience the results at the counter and "
                                "in their neighbourhood.</p><p>The most useful findings often come "
                                "from the gaps between them. If officials rate openness highly but "
                                "citizens do not, the municipality may be publishing information "
                                "that citizens cannot find or understand. If councillors feel "
                                "poorly informed about the budget, accountability suffers even "
                                "when the figures are correct.</p><p>ELoGE and LAP support each "
                                "other. The assessment shows where a municipality is weak, and LAP "
                                "helps its leaders build the skills to improve. In the Bosnia and "
                                "Herzegovina cohorts, training modules were chosen on the basis of "
                                "each municipality's governance self-assessment.</p>"
                            ),
                        },
                        {
                            "type": "callout",
                            "value": {
                                "tone": "info",
                                "title": "About scores and thresholds",
                                "body": (
                                    "<p>Scoring scales, thresholds and the period for which a "
                                    "label is valid are set by the ELoGE rules in force and have "
                                    "varied over time. Check the current rules with the national "
                                    "platform rather than relying on older material.</p>"
                                ),
                            },
                        },
                        {
                            "type": "reflection",
                            "value": {
                                "prompt": (
                                    "If your municipality took part in ELoGE tomorrow, on which "
                                    "principle would you expect the biggest gap between the "
                                    "officials' view and the citizens' view? Why?"
                                ),
                            },
                        },
                    ],
                },
                {
                    "title": "A Municipality's Self-Assessment",
                    "slug": "municipal-self-assessment",
                    "minutes": 25,
                    "principles": [6, 3],
                    "tags": ["self-assessment", "transparency", "rule of law", "evidence"],
                    "body": [
                        {
                            "type": "heading",
                            "value": {"text": "Looking in the mirror", "level": "h2"},
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>The self-assessment is the part of ELoGE, and of the "
                                "Leadership Benchmark more broadly, in which a municipality "
                                "evaluates its own governance. It is only useful if it is honest. "
                                "A self-assessment that gives top marks everywhere tells the "
                                "leadership nothing, and the citizens' survey will probably "
                                "contradict it.</p><p>A good self-assessment is carried out by a "
                                "small mixed team: for example the head of general administration, "
                                "someone from finance, someone from the department that deals most "
                                "with citizens, and the person responsible for public relations. "
                                "The team goes through the outcome statements for each principle, "
                                "agrees on an assessment and writes down the evidence: a decision, "
                                "a published document, a register, statistics.</p>"
                            ),
                        },
                        {
                            "type": "heading",
                            "value": {"text": "Example: Openness and Transparency", "level": "h2"},
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Principle 6, <b>Openness and Transparency</b>, covers the "
                                "openness of decision-making: decisions are taken and implemented "
                                "according to the rules, the public has access to information "
                                "unless there are well-defined legal reasons to restrict it, and "
                                "information on decisions, policies and their results is made "
                                "public in a way that allows citizens to follow the work of the "
                                "municipality. The team might ask:</p><ul><li>Are council agendas "
                                "and materials published on the website before each session, and "
                                "are minutes and adopted decisions published after it?</li><li>Is "
                                "the draft budget published in a form citizens can understand, "
                                "with a short summary or citizens' guide?</li><li>Does the "
                                "municipality answer requests under the law on freedom of access "
                                "to information within the legal deadline, and does it keep a "
                                "record of requests?</li><li>Are public procurement plans and "
                                "contract awards easy to find?</li></ul>"
                            ),
                        },
                        {
                            "type": "heading",
                            "value": {"text": "Example: Rule of Law", "level": "h2"},
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Principle 3, <b>Rule of Law</b>, asks that the municipality "
                                "respects the law and court decisions, and that rules are adopted "
                                "by the proper procedure and applied impartially. Questions might "
                                "include: are internal rules and job descriptions consistent with "
                                "current legislation? Are decisions on citizens' rights issued "
                                "with reasons and information on how to appeal? Are court rulings "
                                "against the municipality carried out? Does the council check that "
                                "draft decisions are lawful before adopting them?</p>"
                            ),
                        },
                        {
                            "type": "heading",
                            "value": {"text": "Evidence, not opinion", "level": "h2"},
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>For each statement the team should be able to point to "
                                'evidence. "We publish council materials" is an opinion; "the '
                                "materials for the last ten sessions were on the website several "
                                'days before each session" is evidence. Where evidence is missing, '
                                "that is a finding in itself. The self-assessment should end with "
                                "a short list of strengths and weaknesses for each principle, "
                                "which becomes the input for the improvement plan discussed in the "
                                "next lesson.</p>"
                            ),
                        },
                        {
                            "type": "callout",
                            "value": {
                                "tone": "tip",
                                "title": "Invite a critical friend",
                                "body": (
                                    "<p>Ask a local CSO or a colleague from a neighbouring "
                                    "municipality to read your draft self-assessment. An outside "
                                    "reader quickly spots answers that are too generous or not "
                                    "supported by evidence.</p>"
                                ),
                            },
                        },
                        {
                            "type": "reflection",
                            "value": {
                                "prompt": (
                                    "Pick one statement about openness or the rule of law. What "
                                    "evidence could your municipality show today, and what "
                                    "evidence is missing?"
                                ),
                            },
                        },
                    ],
                },
                {
                    "title": "From Results to an Improvement Plan",
                    "slug": "from-results-to-improvement-plan",
                    "minutes": 20,
                    "principles": [12, 10],
                    "tags": ["improvement plan", "public finance", "innovation"],
                    "body": [
                        {
                            "type": "heading",
                            "value": {"text": "Results are a starting point", "level": "h2"},
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>A self-assessment, a citizens' survey and an elected "
                                "representatives' survey produce a lot of information. The risk is "
                                "that the report is presented to the council once and then "
                                "forgotten. Good leaders treat the results as the start of a "
                                "conversation: what do we want to change, in what order, and how "
                                "will we know that it worked?</p>"
                            ),
                        },
                        {
                            "type": "heading",
                            "value": {"text": "Choosing priorities", "level": "h2"},
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Not every weakness can be fixed at once. A practical way to "
                                "choose priorities is to look at three things together: how large "
                                "the gap is, how much it matters to citizens, and how realistic it "
                                "is to improve within the municipality's powers and budget. A "
                                "weakness that is large, important and within reach should come "
                                "first. A quick, visible improvement in the first months also "
                                "builds confidence for harder changes later.</p><p>An improvement "
                                "plan does not need to be long. For each priority it should state "
                                "the objective, the concrete actions, who is responsible, the "
                                "deadline, the cost and source of funding, and an indicator of "
                                "success. The plan should be discussed by the council, and "
                                "progress should be reported regularly.</p>"
                            ),
                        },
                        {
                            "type": "heading",
                            "value": {
                                "text": "Sound finances and openness to change",
                                "level": "h2",
                            },
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Principle 10, <b>Sound Financial and Economic Management</b>, "
                                "is often where plans succeed or fail. It asks for prudent "
                                "management of public money: realistic budgets, attention to "
                                "long-term financial consequences, proper assessment of risks, and "
                                "charges for services that do not exceed their cost. An "
                                "improvement plan that is not reflected in the budget remains a "
                                "wish list. If the plan includes a new electronic service, the "
                                "budget must cover not only the software but also training and "
                                "maintenance in the following years.</p><p>Principle 12, "
                                "<b>Openness to Change and Innovation</b>, encourages "
                                "municipalities to look for new solutions, learn from the "
                                "experience of others and create a climate in which change is "
                                "possible. Innovation in a municipality is often modest: an online "
                                "form that saves a visit to the counter, a service shared with a "
                                "neighbouring municipality, a new way of consulting young people "
                                "through schools. What matters is the willingness to try, to "
                                "measure the results and to drop what does not work.</p>"
                            ),
                        },
                        {
                            "type": "heading",
                            "value": {"text": "An example", "level": "h2"},
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Imagine a municipality whose citizens' survey shows low "
                                "satisfaction with information about local investments, while "
                                "officials rated themselves highly. The improvement plan might "
                                "include a simple online map of current investments with budgets "
                                "and deadlines, prepared by the development department within "
                                "three months; a short quarterly progress update for each local "
                                "community; and a question in the next citizens' survey to measure "
                                "the change. The cost is low, and the action responds directly to "
                                "what citizens said.</p>"
                            ),
                        },
                        {
                            "type": "callout",
                            "value": {
                                "tone": "info",
                                "title": "Link the plan to existing documents",
                                "body": (
                                    "<p>Where possible, build the improvement actions into the "
                                    "municipality's development strategy, annual work programme "
                                    "and budget, instead of creating a separate document that "
                                    "nobody owns.</p>"
                                ),
                            },
                        },
                        {
                            "type": "reflection",
                            "value": {
                                "prompt": (
                                    "Choose one weakness your municipality already knows about. "
                                    "Draft one line of an improvement plan: objective, action, "
                                    "responsible person, deadline, cost and indicator."
                                ),
                            },
                        },
                    ],
                },
            ],
        },
        {
            "title": "Working with Citizens and CSOs",
            "slug": "working-with-citizens-and-csos",
            "intro": (
                "Practical ways to inform, consult and involve citizens and civil-society "
                "organisations, to run meetings in which every voice counts, and to turn "
                "complaints into improvements."
            ),
            "lessons": [
                {
                    "title": "Inform, Consult, Involve",
                    "slug": "inform-consult-involve",
                    "minutes": 20,
                    "principles": [1, 6, 9],
                    "tags": ["participation", "consultation", "budget", "civil society"],
                    "body": [
                        {
                            "type": "heading",
                            "value": {"text": "Levels of participation", "level": "h2"},
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Citizens can take part in municipal decisions at different "
                                "levels, and each level creates different expectations. A simple "
                                "way to think about it is a ladder:</p><ul><li><b>Inform</b>: the "
                                "municipality gives citizens balanced, timely and understandable "
                                "information about a plan or decision. Communication goes one "
                                "way.</li><li><b>Consult</b>: the municipality asks for citizens' "
                                "views on a draft and considers them before deciding. Afterwards "
                                "it explains what was taken into account and "
                                "why.</li><li><b>Involve</b>: citizens and CSOs work with the "
                                "municipality throughout the process, so that their concerns shape "
                                "the options that are considered.</li></ul><p>Other models add "
                                "further levels, such as partnership or delegated decision-making. "
                                "The Council of Europe's Code of Good Practice for Civil "
                                "Participation in the Decision-Making Process, for example, speaks "
                                "of information, consultation, dialogue and partnership. Whichever "
                                "model you use, be clear with citizens about which level you are "
                                "offering.</p>"
                            ),
                        },
                        {
                            "type": "heading",
                            "value": {"text": "A classic example: the draft budget", "level": "h2"},
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Public consultation on the draft budget is one of the most "
                                "familiar forms of participation in municipalities in Bosnia and "
                                "Herzegovina. The municipality publishes the draft budget, ideally "
                                "with a short citizens' guide explaining where the money comes "
                                "from and where it goes, and invites comments within a set period. "
                                "Public hearings are held in the municipal hall and, where "
                                "possible, in local communities. After the consultation the "
                                "municipality publishes a report listing the comments received and "
                                "explaining which were accepted and why others were "
                                "not.</p><p>This one example touches three principles. It is "
                                "<b>Democratic Participation</b> (principle 1) because citizens "
                                "can influence a key decision. It depends on <b>Openness and "
                                "Transparency</b> (principle 6) because people can only comment on "
                                "what they can see and understand. And it tests "
                                "<b>Responsiveness</b> (principle 9), because citizens judge the "
                                "process by whether their input received an answer.</p>"
                            ),
                        },
                        {
                            "type": "heading",
                            "value": {"text": "Common pitfalls", "level": "h2"},
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<ul><li>Consulting too late, when the decision has in effect "
                                "already been made.</li><li>Publishing documents that only "
                                "specialists can read.</li><li>Holding hearings at times when "
                                "working people cannot attend.</li><li>Collecting comments and "
                                "never reporting back.</li><li>Hearing only the same few voices, "
                                "while young people, women, older people in remote villages or "
                                "minorities stay absent.</li></ul><p>Working with CSOs can help "
                                "reach groups the municipality does not reach on its own. A youth "
                                "organisation can run a session with secondary-school students on "
                                "the budget lines for young people; an association of persons with "
                                "disabilities can review the accessibility of planned "
                                "investments.</p>"
                            ),
                        },
                        {
                            "type": "quote",
                            "value": {
                                "text": (
                                    "More people came to the budget hearing once they saw that "
                                    "last year's comments had actually changed the budget."
                                ),
                                "attribution": "LAP participant, 2024",
                            },
                        },
                        {
                            "type": "reflection",
                            "value": {
                                "prompt": (
                                    "For one decision your municipality will take in the coming "
                                    "year, which level of participation is realistic: inform, "
                                    "consult or involve? What would you need to do to make it work?"
                                ),
                            },
                        },
                    ],
                },
                {
                    "title": "Group Communication",
                    "slug": "group-communication",
                    "minutes": 15,
                    "principles": [6],
                    "tags": ["communication", "meetings", "teams"],
                    "body": [
                        {
                            "type": "heading",
                            "value": {"text": "Communication is part of governance", "level": "h2"},
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p><b>Openness and Transparency</b> (principle 6) is not only "
                                "about publishing documents. It also depends on how people "
                                "communicate in meetings: council sessions, committee meetings, "
                                "team meetings in the administration, working groups with CSOs. "
                                "Decisions prepared in meetings where information is withheld, "
                                "where people do not dare to speak, or where a few voices dominate "
                                "are rarely open, however many documents are published "
                                "afterwards.</p><p>LAP Stage 1 gives particular attention to group "
                                "communication skills, because local leaders spend much of their "
                                "time in groups, and because groups make better decisions than "
                                "individuals only when communication works.</p>"
                            ),
                        },
                        {
                            "type": "heading",
                            "value": {
                                "text": "What good group communication looks like",
                                "level": "h2",
                            },
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<ul><li><b>Clear purpose.</b> Everyone knows why the meeting is "
                                "being held and what it should decide or "
                                "produce.</li><li><b>Shared information.</b> Materials are sent in "
                                "advance, in a form that non-specialists can "
                                "follow.</li><li><b>Active listening.</b> People summarise what "
                                "others said before responding, and ask questions to understand, "
                                "not only to win the argument.</li><li><b>Balanced "
                                "participation.</b> The chair invites quieter members to speak and "
                                "politely limits those who speak most.</li><li><b>Clear "
                                "conclusions.</b> The meeting ends with a record of what was "
                                "decided, who does what and by when.</li></ul>"
                            ),
                        },
                        {
                            "type": "heading",
                            "value": {"text": "Practical techniques", "level": "h2"},
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Several simple techniques help. A <b>round</b>, in which each "
                                "person speaks briefly in turn, makes sure every voice is heard at "
                                "the start of a discussion. <b>Separating ideas from "
                                "evaluation</b>, by first collecting all proposals and only then "
                                "discussing them, prevents good ideas from being dismissed too "
                                "early. <b>Parking</b> questions that are important but off the "
                                "topic keeps the meeting focused without ignoring anyone. Feedback "
                                "that describes behaviour and its effect, rather than judging the "
                                "person, keeps disagreement constructive.</p><p>In a municipal "
                                "council, where members come from different parties, open "
                                "communication is harder and even more important. Committee chairs "
                                "can make sure that all members receive the same information at "
                                "the same time, that questions from the opposition are answered in "
                                "substance, and that citizens attending the session can follow the "
                                "debate. A working group with CSOs on a local action plan works "
                                "better when the municipality shares its constraints honestly from "
                                "the start, including the budget available, rather than letting "
                                "participants discover them at the end.</p>"
                            ),
                        },
                        {
                            "type": "callout",
                            "value": {
                                "tone": "tip",
                                "title": "The two-minute summary",
                                "body": (
                                    "<p>At the end of every meeting, ask one participant to "
                                    "summarise the decisions in two minutes. If the summary "
                                    "surprises anyone, the meeting is not over yet.</p>"
                                ),
                            },
                        },
                        {
                            "type": "reflection",
                            "value": {
                                "prompt": (
                                    "Think of the last meeting you chaired or attended. Who spoke "
                                    "most, who did not speak at all, and what information would "
                                    "have helped the group decide better?"
                                ),
                            },
                        },
                    ],
                },
                {
                    "title": "Complaints and Accountability",
                    "slug": "complaints-and-accountability",
                    "minutes": 20,
                    "principles": [5, 9],
                    "tags": ["complaints", "accountability", "public services"],
                    "body": [
                        {
                            "type": "heading",
                            "value": {"text": "Complaints are information", "level": "h2"},
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Every complaint tells the municipality something about how its "
                                "services work in practice. A municipality that sees complaints "
                                "only as a nuisance will keep making the same mistakes. A "
                                "municipality that records, answers and analyses them gains a free "
                                "and continuous source of feedback. This is why complaints "
                                "handling tests both <b>Accountability</b> (principle 5) and "
                                "<b>Responsiveness</b> (principle 9).</p>"
                            ),
                        },
                        {
                            "type": "heading",
                            "value": {"text": "A complaints desk that works", "level": "h2"},
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Many municipalities have a box for complaints and suggestions, "
                                "an email address or an online form, and citizens can also turn to "
                                "the Ombudsman institution. What makes a complaints system work is "
                                "not the channel but the process behind it:</p><ol><li><b>Easy "
                                "access.</b> Citizens can complain in person, by phone, in writing "
                                "or online, and know where to go.</li><li><b>Registration.</b> "
                                "Every complaint is recorded and receives a reference "
                                "number.</li><li><b>Acknowledgement.</b> The citizen is told that "
                                "the complaint was received and when to expect an "
                                "answer.</li><li><b>Handling.</b> The complaint goes to the "
                                "responsible department, with a clear deadline and a named person "
                                "in charge.</li><li><b>Answer.</b> The citizen receives a reasoned "
                                "reply: what was done and, if the complaint was not accepted, why "
                                "not and what other remedies are "
                                "available.</li><li><b>Learning.</b> Complaints are analysed "
                                "regularly, and the results are reported to the mayor, the council "
                                "and the public.</li></ol>"
                            ),
                        },
                        {
                            "type": "heading",
                            "value": {"text": "From complaint to improvement", "level": "h2"},
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Imagine that every spring a municipality receives many "
                                "complaints about potholes in one local community. Answering each "
                                "complaint individually is responsive, but not enough. An "
                                "accountable municipality looks at the pattern, discovers that "
                                "repairs there are scheduled only after all the main roads are "
                                "done, changes the schedule, and reports the change to the local "
                                "community council. The next year there are fewer complaints, and "
                                "the municipality can show why.</p><p>Accountability also means "
                                "accepting responsibility when the municipality was wrong. A short "
                                "apology, a correction and an explanation of what will change do "
                                "more for trust than a defensive reply quoting regulations.</p>"
                            ),
                        },
                        {
                            "type": "heading",
                            "value": {"text": "The role of councillors and CSOs", "level": "h2"},
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Councillors hold the executive to account on behalf of "
                                "citizens. They can ask for an annual complaints report, compare "
                                "it with the previous year and ask what has changed; if the same "
                                "problem appears in many complaints, they can ask the "
                                "administration to report on it at a public session. CSOs can help "
                                "citizens put their complaints into words, monitor whether answers "
                                "arrive, and bring recurring problems to the municipality's "
                                "attention. Both roles work best when the municipality treats them "
                                "as partners in improvement rather than as opponents.</p>"
                            ),
                        },
                        {
                            "type": "quote",
                            "value": {
                                "text": (
                                    "Decisions are reported on, explained and can be sanctioned."
                                ),
                                "attribution": "Principle 5, Accountability (paraphrased)",
                            },
                        },
                        {
                            "type": "callout",
                            "value": {
                                "tone": "warning",
                                "title": "Never punish those who complain",
                                "body": (
                                    "<p>Citizens and staff must be able to raise problems without "
                                    "fear of consequences. A single case of retaliation can "
                                    "silence complaints for years.</p>"
                                ),
                            },
                        },
                        {
                            "type": "reflection",
                            "value": {
                                "prompt": (
                                    "What happens today to a complaint handed in at your "
                                    "municipality's counter? Follow its path step by step and "
                                    "identify where it could get lost."
                                ),
                            },
                        },
                    ],
                },
            ],
        },
    ],
}

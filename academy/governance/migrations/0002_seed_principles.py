"""Seed the 12 Principles of Good Democratic Governance (CM/Rec(2023)5, with the 2008 numbers).

Summaries and outcome statements are paraphrased from the 2023 Recommendation and its benchmark;
trainers can refine the wording in the admin (Snippets > Principles).
"""

import uuid

from django.db import migrations

PRINCIPLES = [
    (
        1,
        1,
        "Democratic Participation",
        "democratic-participation",
        "Citizens are at the centre of public activity and can take part in public life at every stage of the policy cycle.",
        [
            "Citizens and civil society can take part in local decisions, from agenda-setting to evaluation.",
            "Elections and referendums are free, fair and held in line with the law.",
            "Decisions consider the views of the whole community, including minorities and disadvantaged groups.",
        ],
    ),
    (
        2,
        11,
        "Human Rights",
        "human-rights",
        "Public authorities respect, protect and implement human rights and fight discrimination.",
        [
            "Human rights are respected, protected and fulfilled in all local policies and services.",
            "Discrimination on any ground is actively combated.",
            "Diversity is treated as an asset and access to services is equal for everyone.",
        ],
    ),
    (
        3,
        5,
        "Rule of Law",
        "rule-of-law",
        "Public authorities follow the law and judicial decisions, and rules are applied impartially.",
        [
            "Rules and regulations are adopted through clear procedures and enforced impartially.",
            "Public authorities abide by the law and by judicial decisions.",
            "Everyone has access to effective remedies against decisions of public authorities.",
        ],
    ),
    (
        4,
        6,
        "Public Ethics",
        "public-ethics",
        "The public good is placed before individual interests; corruption and conflicts of interest are prevented.",
        [
            "The public good is placed before individual interests.",
            "Effective measures prevent and combat all forms of corruption.",
            "Conflicts of interest are declared in good time and those involved withdraw from decisions.",
        ],
    ),
    (
        5,
        12,
        "Accountability",
        "accountability",
        "Elected representatives and public officials take responsibility for their actions and decisions and are held to account.",
        [
            "Decision-makers take responsibility for their decisions and explain them.",
            "Decisions are reported on, explained and can be sanctioned.",
            "Effective remedies exist against maladministration and against actions that breach civil rights.",
        ],
    ),
    (
        6,
        4,
        "Openness and Transparency",
        "openness-and-transparency",
        "Decisions are taken and implemented openly; the public has access to information.",
        [
            "Decisions are taken and enforced in accordance with rules and regulations, openly.",
            "There is public access to all information that is not classified for well-specified reasons.",
            "Information on decisions, implementation of policies and results is made public in a way that lets people follow and contribute to the work of the authority.",
        ],
    ),
    (
        7,
        3,
        "Efficient, Effective and Sound Administration",
        "efficient-effective-and-sound-administration",
        "Results meet the agreed objectives and the best possible use is made of the resources available.",
        [
            "Results meet the agreed objectives.",
            "The best possible use is made of the resources available.",
            "Performance management systems make it possible to evaluate and improve the effectiveness and efficiency of services.",
        ],
    ),
    (
        8,
        7,
        "Leadership, Capability and Capacity",
        "leadership-capability-and-capacity",
        "Leaders and staff have the competence to carry out their duties, and capacity is continually built.",
        [
            "The professional skills of those who deliver governance are continuously maintained and strengthened.",
            "Public officials are motivated to continuously improve their performance.",
            "Practical methods and procedures are created and used to transform skills into capability and produce better results.",
        ],
    ),
    (
        9,
        2,
        "Responsiveness",
        "responsiveness",
        "Public authorities meet the legitimate expectations and needs of citizens and respond to their requests and complaints.",
        [
            "Objectives, rules, structures and procedures are adapted to the legitimate expectations and needs of citizens.",
            "Public services are delivered, and requests and complaints are responded to, within a reasonable timeframe.",
            "Citizens are consulted on services and their feedback is used to improve them.",
        ],
    ),
    (
        10,
        10,
        "Sound Financial and Economic Management",
        "sound-financial-and-economic-management",
        "Public money is managed prudently and transparently, with long-term budgets and risk managed.",
        [
            "Charges do not exceed the cost of services provided and do not reduce demand excessively.",
            "Budget plans are prepared in consultation with the public and financial risks are properly assessed and managed.",
            "Multi-annual budget planning is practised and the results are published.",
        ],
    ),
    (
        11,
        9,
        "Sustainability and Long-term Orientation",
        "sustainability-and-long-term-orientation",
        "The needs of future generations are taken into account in current policies.",
        [
            "The needs of future generations are taken into account in current policies.",
            "The sustainability of the community is constantly considered; decisions internalise all costs and do not transfer problems to future generations.",
            "There is a broad and long-term perspective on the future of the local community, based on an understanding of its historical, cultural and social complexities.",
        ],
    ),
    (
        12,
        8,
        "Openness to Change and Innovation",
        "openness-to-change-and-innovation",
        "New and efficient solutions to problems are sought and modern methods of service provision are used.",
        [
            "New and efficient solutions to problems are sought and advantage is taken of modern methods of service provision.",
            "There is readiness to pilot and experiment with new programmes and to learn from the experience of others.",
            "A climate favourable to change is created in the interest of achieving better results.",
        ],
    ),
]


def seed(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Principle = apps.get_model("governance", "Principle")
    locale = Locale.objects.order_by("pk").first()
    for number, number_2008, name, slug, summary, outcomes in PRINCIPLES:
        Principle.objects.update_or_create(
            locale=locale,
            number=number,
            defaults={
                "translation_key": uuid.uuid4(),
                "number_2008": number_2008,
                "name": name,
                "slug": slug,
                "summary": summary,
                "outcome_1": outcomes[0],
                "outcome_2": outcomes[1],
                "outcome_3": outcomes[2],
            },
        )


def unseed(apps, schema_editor):
    apps.get_model("governance", "Principle").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0001_initial"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [migrations.RunPython(seed, unseed)]

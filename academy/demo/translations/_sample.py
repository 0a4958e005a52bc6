"""A tiny stand-in for the Bosnian demo translation (bs.py, written separately): the same shape
as academy.demo.content.COURSE and academy.demo.quiz_content.QUIZZES, with only a few strings.
Whatever it leaves out stays untranslated (learners see the fallback)."""

LANGUAGE = "bs"

COURSE = {
    "title": "LAP faza 1 - Liderstvo za organizacije",
    "slug": "lap-stage-1",
    "summary": (
        "Prva faza Akademije za lidere Vijeća Evrope, s online lekcijama između radionica."
    ),
    "modules": [
        {
            "title": "Dobro lokalno upravljanje",
            "slug": "good-local-governance",
            "lessons": [
                {
                    "title": "Od Strategije iz 2008. do CM/Rec(2023)5",
                    "slug": "from-2008-strategy-to-cm-rec-2023-5",
                },
            ],
        },
    ],
}

QUIZZES = {
    "good-local-governance": {
        "title": "Kviz: Dobro lokalno upravljanje",
        "slug": "quiz-good-local-governance",
    },
}

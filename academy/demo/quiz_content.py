"""Demo quizzes, one per module of the LAP Stage 1 course (facts from DOMAIN.md).

Each question is (prompt, points, principles, answer-key block, explanation). Keys use the raw
StreamField form of quizzes.blocks.AnswerKeyBlock.
"""


def single(*choices):
    """Choices as (text, is_correct, feedback)."""
    return {
        "type": "single",
        "value": {"choices": [{"text": t, "is_correct": c, "feedback": f} for t, c, f in choices]},
    }


def multiple(*choices, partial_credit=True):
    return {
        "type": "multiple",
        "value": {
            "choices": [{"text": t, "is_correct": c, "feedback": f} for t, c, f in choices],
            "partial_credit": partial_credit,
        },
    }


def true_false(answer, feedback_true="", feedback_false=""):
    return {
        "type": "true_false",
        "value": {
            "answer": "true" if answer else "false",
            "feedback_true": feedback_true,
            "feedback_false": feedback_false,
        },
    }


def short(*accepted, ignore_diacritics=True, ignore_script=True):
    return {
        "type": "short",
        "value": {
            "accepted": list(accepted),
            "ignore_diacritics": ignore_diacritics,
            "ignore_script": ignore_script,
        },
    }


def numeric(value, tolerance=0):
    return {"type": "numeric", "value": {"value": value, "tolerance": tolerance}}


def matching(*pairs):
    return {"type": "matching", "value": {"pairs": [{"left": a, "right": b} for a, b in pairs]}}


def open_answer(guidance):
    return {"type": "open", "value": {"guidance": guidance}}


QUIZZES = {
    "good-local-governance": {
        "title": "Quiz: Good Local Governance",
        "slug": "quiz-good-local-governance",
        "intro": "<p>Three questions on where the 12 principles come from.</p>",
        "settings": {"pass_mark": 70, "max_attempts": 3, "wait_minutes": 0},
        "questions": [
            (
                "In which year were the first 12 Principles of Good Democratic Governance adopted?",
                1,
                [1],
                numeric(2008),
                "The 12 principles were part of the 2008 Strategy for Innovation and Good "
                "Governance at Local Level.",
            ),
            (
                "Which Committee of Ministers recommendation updated the principles in 2023?",
                1,
                [1],
                short("CM/Rec(2023)5", "CM/Rec (2023) 5", "Rec(2023)5"),
                "Recommendation CM/Rec(2023)5 restated and renumbered the 12 principles.",
            ),
            (
                "What is the number of Responsiveness in the 2023 list?",
                1,
                [9],
                single(
                    ("9", True, "Right: Responsiveness is principle 9 in 2023."),
                    ("2", False, "That was its number in 2008."),
                    ("6", False, "Principle 6 is Openness and Transparency."),
                    ("12", False, "Principle 12 is Openness to Change and Innovation."),
                ),
                "The 2023 list renumbered the principles; Responsiveness moved from 2 to 9.",
            ),
        ],
    },
    "understanding-leadership": {
        "title": "Quiz: Understanding Leadership",
        "slug": "quiz-understanding-leadership",
        "intro": "<p>Two questions on the programme and on leadership styles.</p>",
        "settings": {"pass_mark": 70, "max_attempts": 0, "wait_minutes": 1},
        "questions": [
            (
                "Which are the three stages of the Leadership Academy Programme?",
                3,
                [8],
                multiple(
                    ("Leadership for Organisations", True, ""),
                    ("Leadership for Strategy", True, ""),
                    ("Leadership for Capacity Building", True, ""),
                    ("Leadership for Elections", False, "LAP is not about campaigning."),
                    ("Leadership for Procurement", False, ""),
                ),
                "LAP runs in three stages: Organisations, Strategy and Capacity Building.",
            ),
            (
                "LAP teaches one universal leadership style that fits every situation.",
                1,
                [8],
                true_false(
                    False,
                    feedback_true="No: situational leadership means no one style fits all.",
                    feedback_false="Right: good leaders adapt their style to the situation.",
                ),
                "Situational leadership: the right style depends on the people and the task.",
            ),
        ],
    },
    "leadership-benchmark-and-eloge": {
        "title": "Quiz: Leadership Benchmark and ELoGE",
        "slug": "quiz-leadership-benchmark-and-eloge",
        "intro": "<p>Two questions on the European Label of Governance Excellence.</p>",
        "settings": {"pass_mark": 60, "max_attempts": 0, "review_policy": "after_passing"},
        "questions": [
            (
                "Which three perspectives does the ELoGE assessment combine?",
                3,
                [1, 5, 6],
                multiple(
                    ("The municipality's self-assessment by its officials", True, ""),
                    ("A survey of elected representatives", True, ""),
                    ("A survey of citizens", True, ""),
                    ("An audit by the national government", False, "Not part of ELoGE."),
                ),
                "ELoGE combines the self-assessment, elected representatives and citizens.",
            ),
            (
                "Name one municipality in Bosnia and Herzegovina awarded ELoGE in December 2023.",
                1,
                [12],
                short("Žepče", "Jablanica", "Prijedor"),
                "Jablanica, Prijedor and Žepče received the label in December 2023.",
            ),
        ],
    },
    "working-with-citizens-and-csos": {
        "title": "Quiz: Working with Citizens and CSOs",
        "slug": "quiz-working-with-citizens-and-csos",
        "intro": "<p>Three questions, one of them for a trainer to read.</p>",
        "settings": {"pass_mark": 60, "max_attempts": 0},
        "questions": [
            (
                "Which of these is an example of consultation?",
                1,
                [1, 9],
                single(
                    ("Publishing the draft budget and inviting comments", True, "Yes."),
                    ("Announcing the adopted budget on the website", False, "That informs."),
                    (
                        "Citizens co-deciding projects in a participatory budget",
                        False,
                        "That involves citizens in deciding, beyond consultation.",
                    ),
                ),
                "Consultation asks for views before a decision is taken.",
            ),
            (
                "Match each principle with its 2023 number.",
                2,
                [6, 9, 5],
                matching(
                    ("Openness and Transparency", "6"),
                    ("Responsiveness", "9"),
                    ("Accountability", "5"),
                ),
                "Principles 5, 6 and 9 in the 2023 numbering.",
            ),
            (
                "Describe one complaint your municipality received and how it could answer "
                "it within a reasonable time.",
                4,
                [5, 9],
                open_answer("A concrete complaint, a named step and a time frame earn full marks."),
                "",
            ),
        ],
    },
}

from django.urls import path

from . import views

app_name = "workshops"

urlpatterns = [
    path("my-sessions/", views.my_sessions, name="my_sessions"),
    path("my-sessions/<int:pk>.ics", views.session_calendar, name="session_calendar"),
    path("my-sessions/calendar/new/", views.calendar_feed_new, name="calendar_feed_new"),
    path("calendar/<slug:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("check-in/", views.check_in_form, name="check_in"),
    path("check-in/<int:pk>/<str:code>/", views.check_in_link, name="check_in_link"),
    path("workshops/meetings/", views.trainer_meetings, name="trainer_meetings"),
    path("workshops/meetings/<int:pk>/roll-call/", views.roll_call, name="roll_call"),
    path("workshops/meetings/<int:pk>/check-in-code/", views.check_in_code, name="check_in_code"),
]

"""The attack suite's index: each attack of issues 8, 14, 16, 17 and 18, and the one test that fails
if it succeeds.

Attacks already tested where their feature is tested are listed here rather than repeated; the
test below fails when a listed test is renamed or removed, so the index cannot rot. Tests in
tests/security/ itself are listed too, so this is the whole map.
"""

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent.parent

ATTACKS = {
    # Quiz
    "keys and feedback absent from every response before submitting": (
        "quizzes/test_integrity.py::test_the_quiz_page_the_attempt_page_and_autosave_carry_no_keys"
    ),
    "keys absent from the trainer's preview": (
        "quizzes/test_integrity.py::test_the_preview_carries_no_keys"
    ),
    "matching drop-downs do not give the pairs away": (
        "quizzes/test_integrity.py::"
        "test_matching_drop_downs_do_not_reveal_which_answer_belongs_to_which_item"
    ),
    "keys and feedback absent after submitting until the review policy allows": (
        "quizzes/test_quiz_pages.py::test_review_never_hides_answers_even_after_passing"
    ),
    "client-sent scores or correctness ignored": (
        "quizzes/test_integrity.py::test_scores_and_verdicts_sent_by_the_client_are_ignored"
    ),
    "forged or malformed answers refused, nothing saved": (
        "quizzes/test_integrity.py::test_a_forged_or_malformed_answer_is_refused_and_nothing_is_saved"
    ),
    "answers after the deadline rejected by server time": (
        "quizzes/test_quiz_pages.py::test_answers_posted_after_the_deadline_are_refused"
    ),
    "a quiz cannot be marked complete like a lesson": (
        "security/test_quiz.py::test_a_quiz_cannot_be_marked_complete_like_a_lesson"
    ),
    "skipping a required quiz leaves the course incomplete and uncertified": (
        "security/test_quiz.py::"
        "test_skipping_the_required_quiz_leaves_the_course_incomplete_and_uncertified"
    ),
    "steps of a course the learner is not enrolled in cannot be completed": (
        "courses/test_learner_pages.py::"
        "test_completing_a_step_of_a_course_you_are_not_enrolled_in_is_forbidden"
    ),
    "ten parallel submits grade once (HTTP, PostgreSQL)": (
        "security/test_quiz_races.py::test_ten_parallel_submits_over_http_grade_once"
    ),
    "parallel starts create one attempt (HTTP, PostgreSQL)": (
        "security/test_quiz_races.py::test_parallel_starts_over_http_make_one_attempt"
    ),
    "attempts beyond the limit refused": (
        "quizzes/test_integrity.py::test_starting_beyond_the_attempt_limit_is_refused_with_a_message"
    ),
    # Authorization
    "learner A gets 404 for B's attempt (view, save, submit, result)": (
        "quizzes/test_quiz_pages.py::test_another_learners_attempt_is_not_found"
    ),
    "learner A sees only their own progress": (
        "security/test_authorization.py::test_a_learner_sees_only_their_own_progress"
    ),
    "learner A sees only their own certificates": (
        "certificates/test_permissions.py::test_my_certificates_lists_only_mine"
    ),
    "learner A gets 404 for B's certificate PDF": (
        "certificates/test_permissions.py::test_another_learner_cannot_download_it"
    ),
    "a trainer cannot open the editor of another course": (
        "security/test_authorization.py::test_a_trainer_cannot_open_the_editor_of_another_course"
    ),
    "a trainer cannot save, publish, unpublish or delete another course": (
        "security/test_authorization.py::"
        "test_a_trainer_cannot_save_publish_or_unpublish_another_course"
    ),
    "a trainer cannot preview another course": (
        "security/test_authorization.py::test_a_trainer_cannot_preview_another_course"
    ),
    "a trainer cannot issue or revoke certificates": (
        "certificates/test_permissions.py::test_learners_and_trainers_cannot_issue_approve_or_revoke"
    ),
    "a trainer cannot manage users and groups": (
        "security/test_authorization.py::"
        "test_a_trainer_cannot_manage_users_or_groups_not_even_their_own_account"
    ),
    "a trainer of another course cannot see or grade its answers": (
        "quizzes/test_grading_queue.py::test_a_trainer_of_another_course_cannot_see_or_grade_the_answer"
    ),
    "learners and visitors never reach the admin": (
        "security/test_authorization.py::test_learners_and_visitors_never_reach_the_admin"
    ),
    # Injection
    "script in a trainer's lesson (rich text, StreamField) inert for learners": (
        "security/test_injection.py::test_script_in_a_trainers_lesson_is_inert_for_learners"
    ),
    "script in question text inert in attempt, result and grading screen": (
        "security/test_injection.py::"
        "test_script_in_a_trainers_question_is_inert_in_the_attempt_result_and_grading_screen"
    ),
    "a learner's name and organisation inert in admin reports": (
        "security/test_injection.py::"
        "test_a_learners_planted_name_and_organisation_are_inert_in_admin_reports"
    ),
    "a learner's name inert on learner pages and public verification": (
        "security/test_injection.py::"
        "test_a_planted_name_is_inert_on_the_learners_pages_and_the_public_verification"
    ),
    "a learner's answer and a trainer's choice inert in the item analysis": (
        "security/test_injection.py::test_a_planted_answer_and_choice_are_inert_in_the_item_analysis"
    ),
    "every export of ours neutralises formulas": (
        "security/test_injection.py::test_every_export_of_ours_neutralises_formulas"
    ),
    "formulas typed by learners are text in CSV and XLSX": (
        "security/test_injection.py::test_formulas_typed_by_learners_are_text_in_every_export"
    ),
    "formulas in question text are text in the item analysis export": (
        "quizzes/test_item_analysis.py::test_the_csv_export_has_the_columns_and_no_formulas"
    ),
    # Uploads
    "SVG, HTML and disguised files refused as images": (
        "security/test_uploads.py::test_svg_html_and_disguised_files_are_refused_as_images"
    ),
    "images over the size limit refused": (
        "security/test_uploads.py::test_an_image_over_the_size_limit_is_refused"
    ),
    "images of too many pixels (decompression bombs) refused": (
        "security/test_uploads.py::test_an_image_of_too_many_pixels_is_refused_however_small_the_file"
    ),
    "CSV imports of other file types refused": (
        "security/test_uploads.py::test_an_import_file_that_is_not_csv_by_name_is_refused"
    ),
    "documents of other types refused": (
        "security/test_uploads.py::test_documents_of_other_types_are_refused"
    ),
    "documents over the size limit refused": (
        "security/test_uploads.py::test_a_document_over_the_size_limit_is_refused"
    ),
    "SVG and HTML documents served as attachments": (
        "security/test_uploads.py::test_active_documents_are_served_as_attachments"
    ),
    "a body over the request limit gets 400 before it is read": (
        "security/test_uploads.py::test_a_body_over_the_request_limit_is_refused_before_it_is_read"
    ),
    "broken multipart gets 400, not 500": (
        "security/test_uploads.py::test_broken_multipart_is_a_400_not_a_500"
    ),
    "an oversized or broken quiz save changes no saved answer": (
        "security/test_uploads.py::test_an_oversized_quiz_save_is_refused_and_the_saved_answers_stay"
    ),
    "non-UTF-8, binary or unreadable CSV imports refused, nobody enrolled": (
        "security/test_uploads.py::"
        "test_a_file_that_is_not_a_csv_of_learners_is_refused_and_nobody_is_enrolled"
    ),
    "a NUL character in a quiz answer refused, not a database error": (
        "security/test_uploads.py::test_a_nul_character_in_an_answer_is_refused_and_nothing_is_saved"
    ),
    "a NUL character in a URL refused, not a database error": (
        "security/test_uploads.py::test_a_nul_character_in_a_url_is_refused_not_a_500"
    ),
    "CSV imports with missing columns or over 1 MB refused": (
        "courses/test_cohorts.py::test_malformed_files_get_a_clear_error"
    ),
    # Accounts
    "login throttled per account": (
        "security/test_accounts.py::"
        "test_guessing_one_accounts_password_locks_that_account_from_every_address"
    ),
    "login throttled per address": (
        "security/test_accounts.py::test_one_address_guessing_many_accounts_is_locked_out"
    ),
    "login throttled behind a proxy by the forwarded address": (
        "security/test_accounts.py::test_behind_a_proxy_each_client_is_throttled_by_its_own_address"
    ),
    "password reset does not reveal whether an email exists": (
        "accounts/test_accounts.py::test_password_reset_looks_the_same_for_known_and_unknown_emails"
    ),
    "password reset timing does not reveal an account (sent by a worker)": (
        "security/test_accounts.py::test_the_reset_email_is_left_to_a_worker_so_timing_tells_nothing"
    ),
    "password reset link not poisoned by the Host header": (
        "security/test_accounts.py::"
        "test_the_reset_link_is_on_the_sites_address_whatever_host_the_request_named"
    ),
    "session key rotated at login": (
        "accounts/test_accounts.py::test_login_rotates_the_session_key"
    ),
    "CSP on learner pages, frame denial": (
        "security/test_headers.py::test_learner_pages_allow_only_our_own_scripts_and_no_framing"
    ),
    "learner pages have nothing the CSP would block": (
        "security/test_headers.py::test_learner_pages_have_nothing_the_policy_would_block"
    ),
    "the admin dashboard and page editor work under their CSP": (
        "security/test_headers.py::test_the_page_editor_loads_for_a_lesson_and_a_quiz"
    ),
    "the editor's preview may be framed by the admin only": (
        "security/test_headers.py::test_the_editors_preview_may_be_framed_by_the_admin_only"
    ),
    "referrer policy and no MIME sniffing": (
        "security/test_headers.py::test_referrer_policy_and_no_mime_sniffing"
    ),
    "HSTS and secure cookies in production": (
        "security/test_headers.py::test_production_sends_hsts_for_a_year_and_secure_cookies"
    ),
    # Certificates
    "codes carry at least 80 bits of entropy": (
        "certificates/test_codes.py::test_a_code_carries_at_least_80_bits_of_entropy"
    ),
    "verification rate-limited per address": (
        "certificates/test_verification.py::test_look_ups_are_limited_to_30_a_minute_per_address"
    ),
    "badge assertions share the verification limit": (
        "security/test_certificates.py::test_badge_assertions_share_the_verification_limit"
    ),
    "verification limit per client behind the load balancer": (
        "security/test_certificates.py::test_behind_the_load_balancer_each_client_has_its_own_limit"
    ),
    "reminder emails offer one-click unsubscribe (List-Unsubscribe)": (
        "security/test_unsubscribe.py::test_a_reminder_offers_one_click_unsubscribe_to_its_own_link"
    ),
    "an edited PDF does not verify": (
        "certificates/test_verification.py::"
        "test_a_pdf_with_one_byte_changed_is_reported_as_not_matching"
    ),
    # Issue 14: holes found from outside, and outages
    "a trainer cannot open or save another course's cohort": (
        "courses/test_cohort_admin.py::"
        "test_a_trainer_cannot_open_or_save_the_cohort_of_another_course"
    ),
    "cohort forms offer only the trainer's own courses, once as written": (
        "courses/test_cohort_admin.py::"
        "test_the_cohort_form_offers_the_trainers_own_courses_once_as_written"
    ),
    "a cohort cannot be created in or moved to another course": (
        "courses/test_cohort_admin.py::test_a_cohort_cannot_be_created_or_moved_into_another_course"
    ),
    "a municipality added to a cohort shows no mastery from other trainers' courses": (
        "courses/test_cohort_admin.py::"
        "test_a_municipality_added_to_a_cohort_shows_no_mastery_from_other_courses"
    ),
    "only a course's trainers choose its cohorts' trainers": (
        "courses/test_cohort_admin.py::test_a_trainer_of_the_cohort_only_cannot_change_its_trainers"
    ),
    "every admin URL refuses other courses' data to every role (permission matrix)": (
        "security/test_admin_matrix.py::test_nobody_reaches_another_courses_data_through_the_admin"
    ),
    "the permission matrix covers every admin URL we register": (
        "security/test_admin_matrix.py::test_every_admin_url_of_ours_can_be_filled"
    ),
    "sign-up answers the same for a registered address as for a new one": (
        "security/test_accounts.py::"
        "test_signing_up_with_a_registered_address_answers_as_for_a_new_one"
    ),
    "sign-up queues one email whoever holds the address (no timing tell)": (
        "security/test_accounts.py::test_each_sign_up_queues_one_email_task_whoever_has_the_address"
    ),
    "the address holder is told of the sign-up, in their language, with links": (
        "security/test_accounts.py::"
        "test_the_holder_is_told_in_their_language_with_links_to_log_in_and_reset"
    ),
    "sign-up again before confirming changes nothing and resends the link": (
        "security/test_accounts.py::"
        "test_an_unconfirmed_account_gets_its_link_again_and_keeps_its_first_details"
    ),
    "a sign-up with someone else's address: the confirming reader chooses the password": (
        "security/test_accounts.py::"
        "test_a_link_opened_in_another_browser_asks_its_reader_to_choose_the_password"
    ),
    "sign-ups rate-limited per client address": (
        "security/test_accounts.py::"
        "test_sign_ups_from_one_address_are_limited_and_the_next_creates_nothing"
    ),
    "a multipart body cut before its closing boundary gets the 400 page": (
        "security/test_uploads.py::"
        "test_a_multipart_body_that_stops_before_its_closing_boundary_is_refused"
    ),
    "a multipart body shorter than its Content-Length gets the 400 page": (
        "security/test_uploads.py::test_a_multipart_body_shorter_than_its_content_length_is_refused"
    ),
    "a private document is not served to anonymous visitors": (
        "security/test_uploads.py::"
        "test_a_document_in_a_private_collection_is_not_served_to_anonymous_visitors"
    ),
    "a trainers-only document is not served to learners": (
        "security/test_uploads.py::"
        "test_a_trainers_only_document_is_served_to_trainers_and_not_to_learners"
    ),
    "bulk issue skips a revoked learner and says why": (
        "certificates/test_revocation.py::"
        "test_bulk_issue_skips_a_revoked_learner_and_the_progress_page_says_why"
    ),
    "automatic award and the catch-up never re-issue after a revocation": (
        "certificates/test_revocation.py::test_the_hourly_catch_up_awards_no_new_certificate"
    ),
    "the issue form refuses a revoked learner and points to issue again": (
        "certificates/test_revocation.py::"
        "test_the_issue_form_refuses_a_revoked_learner_and_points_to_issue_again"
    ),
    "a revoked learner cannot request the certificate again": (
        "certificates/test_revocation.py::"
        "test_a_revoked_learner_cannot_ask_again_under_a_manual_rule"
    ),
    "issue again needs an administrator, a reason, and gives one certificate": (
        "certificates/test_revocation.py::test_submitting_issue_again_twice_gives_one_certificate"
    ),
    "Redis down: visitors and learners are served, sessions from the database": (
        "core/test_outages.py::test_visitors_and_learners_are_served_while_redis_is_down"
    ),
    "Redis down: a privacy change it could not purge is refused": (
        "core/test_outages.py::"
        "test_a_privacy_setting_is_refused_while_the_cache_cannot_forget_routes"
    ),
    "Redis stopped under real servers: learners work, the certificate comes once after": (
        "services/test_outages.py::"
        "test_with_redis_down_learners_keep_working_and_the_certificate_comes_after"
    ),
    "a logout while Redis stalls is not undone when it answers again": (
        "services/test_outages.py::"
        "test_a_logout_while_redis_stalls_is_not_undone_when_it_answers_again"
    ),
    "PostgreSQL unreachable: a clean 503 with Retry-After, health names it": (
        "services/test_outages.py::test_with_the_database_unreachable_every_page_is_a_clean_503"
    ),
    # ELoGE self-assessment (issue 17)
    "a coordinator of another municipality gets nothing": (
        "assessments/test_security.py::test_a_coordinator_of_another_municipality_gets_nothing"
    ),
    "a colleague outside the team gets nothing": (
        "assessments/test_security.py::test_a_colleague_outside_the_team_gets_nothing"
    ),
    "a team member who moved to another municipality loses access": (
        "assessments/test_security.py::"
        "test_a_team_member_who_moved_to_another_municipality_loses_access"
    ),
    "a forged assessment id is not found": (
        "assessments/test_security.py::test_a_forged_assessment_id_is_not_found"
    ),
    "anonymous visitors are sent to log in": (
        "assessments/test_security.py::test_anonymous_visitors_are_sent_to_log_in"
    ),
    "evidence is not served to other people": (
        "assessments/test_security.py::test_evidence_is_not_served_to_other_people"
    ),
    "a reviewer sees no evidence of a draft": (
        "assessments/test_security.py::test_a_reviewer_sees_no_evidence_of_a_draft"
    ),
    "evidence is stored outside the public media": (
        "assessments/test_security.py::test_evidence_is_stored_outside_the_public_media"
    ),
    "a reviewer of another cycle sees nothing in the admin": (
        "assessments/test_security.py::test_a_reviewer_of_another_cycle_sees_nothing_in_the_admin"
    ),
    "reviewers do not see drafts": (
        "assessments/test_security.py::test_reviewers_do_not_see_drafts"
    ),
    "a reviewer cannot edit or delete an assessment": (
        "assessments/test_security.py::test_a_reviewer_cannot_edit_or_delete_an_assessment"
    ),
    "evidence of one assessment cannot be attached through another": (
        "assessments/test_security.py::"
        "test_evidence_of_one_assessment_cannot_be_attached_through_another"
    ),
    "planted script in a justification or survey comment stays text": (
        "assessments/test_security.py::"
        "test_planted_script_in_a_justification_or_survey_comment_stays_text"
    ),
    "a rating outside the scale is refused and nothing is saved": (
        "assessments/test_matrix.py::"
        "test_a_rating_outside_the_scale_is_refused_and_nothing_is_saved"
    ),
    "a statement that does not exist is refused": (
        "assessments/test_matrix.py::test_a_statement_that_does_not_exist_is_refused"
    ),
    "a wrong evidence file gets a clear error and nothing is lost": (
        "assessments/test_matrix.py::"
        "test_a_wrong_evidence_file_gets_a_clear_error_and_nothing_is_lost"
    ),
    "a cut multipart body is refused before the view": (
        "assessments/test_matrix.py::test_a_cut_multipart_body_is_refused_before_the_view"
    ),
    "a team member cannot submit": ("assessments/test_matrix.py::test_a_team_member_cannot_submit"),
    "a submitted assessment is read only": (
        "assessments/test_matrix.py::test_a_submitted_assessment_is_read_only"
    ),
    "an evidence upload to a submitted assessment is refused": (
        "assessments/test_matrix.py::test_an_evidence_upload_to_a_submitted_assessment_is_refused"
    ),
    "a forged document to remove is refused and nothing is removed": (
        "assessments/test_matrix.py::"
        "test_a_forged_document_to_remove_is_refused_and_nothing_is_removed"
    ),
    "a reviewer of another cycle cannot review": (
        "assessments/test_review.py::test_a_reviewer_of_another_cycle_cannot_review"
    ),
    "a double submit is one submission": (
        "assessments/test_review.py::test_a_double_submit_is_one_submission"
    ),
    "a decision is taken once": ("assessments/test_review.py::test_a_decision_is_taken_once"),
    "a draft cannot be returned or decided": (
        "assessments/test_review.py::test_a_draft_cannot_be_returned_or_decided"
    ),
    "a response stores nothing that names the respondent": (
        "assessments/test_surveys.py::test_a_response_stores_nothing_that_names_the_respondent"
    ),
    "a second response from the same browser is refused": (
        "assessments/test_surveys.py::test_a_second_response_from_the_same_browser_is_refused"
    ),
    "a forged cookie does not block or unblock": (
        "assessments/test_surveys.py::test_a_forged_cookie_does_not_block_or_unblock"
    ),
    "a flood from one address is stopped": (
        "assessments/test_surveys.py::test_a_flood_from_one_address_is_stopped"
    ),
    "a forged survey token is not found": (
        "assessments/test_surveys.py::test_a_forged_survey_token_is_not_found"
    ),
    "a rating off the scale is refused": (
        "assessments/test_surveys.py::test_a_rating_off_the_scale_is_refused"
    ),
    "a survey after the cycle says it is closed": (
        "assessments/test_surveys.py::test_a_survey_after_the_cycle_says_it_is_closed"
    ),
    "an audience below the minimum shows no numbers anywhere": (
        "assessments/test_profile.py::test_an_audience_below_the_minimum_shows_no_numbers_anywhere"
    ),
    "exported text cannot run as a formula": (
        "assessments/test_profile.py::test_exported_text_cannot_run_as_a_formula"
    ),
    "a preview with a bad row imports nothing": (
        "assessments/test_paper_surveys.py::test_a_preview_with_a_bad_row_imports_nothing"
    ),
    "a tampered confirmation is checked again": (
        "assessments/test_paper_surveys.py::test_a_tampered_confirmation_is_checked_again"
    ),
    "a team member or outside reviewer cannot import": (
        "assessments/test_paper_surveys.py::test_a_team_member_or_outside_reviewer_cannot_import"
    ),
    # Workshops and attendance (issue 16)
    "someone not in the cohort is refused": (
        "workshops/test_check_in.py::test_someone_not_in_the_cohort_is_refused"
    ),
    "a code replayed after it rotated is refused": (
        "workshops/test_check_in.py::test_a_code_replayed_after_it_rotated_is_refused"
    ),
    "outside the check in window it is refused": (
        "workshops/test_check_in.py::test_outside_the_check_in_window_it_is_refused"
    ),
    "a typed code of another cohort's meeting is refused as such": (
        "workshops/test_check_in.py::"
        "test_a_typed_code_of_another_cohorts_meeting_is_refused_as_such"
    ),
    "the qr link of another cohort is refused": (
        "workshops/test_check_in.py::test_the_qr_link_of_another_cohort_is_refused"
    ),
    "guessing codes is stopped after ten tries": (
        "workshops/test_check_in.py::test_guessing_codes_is_stopped_after_ten_tries"
    ),
    "a check in never overwrites the trainer's mark": (
        "workshops/test_check_in.py::test_a_check_in_never_overwrites_the_trainers_mark"
    ),
    "a trainer of another course finds no such meeting": (
        "workshops/test_roll_call.py::test_a_trainer_of_another_course_finds_no_such_meeting"
    ),
    "a learner cannot take the roll call": (
        "workshops/test_roll_call.py::test_a_learner_cannot_take_the_roll_call"
    ),
    "a status of another cohort is refused and nothing saved": (
        "workshops/test_roll_call.py::test_a_status_of_another_cohort_is_refused_and_nothing_saved"
    ),
    "marking someone outside the cohort is refused": (
        "workshops/test_roll_call.py::test_marking_someone_outside_the_cohort_is_refused"
    ),
    "no one else gets the sheet or the scan": (
        "workshops/test_sign_in_sheets.py::test_no_one_else_gets_the_sheet_or_the_scan"
    ),
    "a file that is not a scan is refused": (
        "workshops/test_sign_in_sheets.py::test_a_file_that_is_not_a_scan_is_refused"
    ),
    "a scan over 10 mb is refused": (
        "workshops/test_sign_in_sheets.py::test_a_scan_over_10_mb_is_refused"
    ),
    "a refused upload keeps the scan before": (
        "workshops/test_sign_in_sheets.py::test_a_refused_upload_keeps_the_scan_before"
    ),
    "a name with markup is printed as written": (
        "workshops/test_sign_in_sheets.py::test_a_name_with_markup_is_printed_as_written"
    ),
    "a new address stops the old one": (
        "workshops/test_calendar.py::test_a_new_address_stops_the_old_one"
    ),
    "another cohort's session has no calendar for this learner": (
        "workshops/test_calendar.py::test_another_cohorts_session_has_no_calendar_for_this_learner"
    ),
    "the session listing shows only the trainer's cohorts": (
        "workshops/test_session_admin.py::test_the_session_listing_shows_only_the_trainers_cohorts"
    ),
    "pre work from another course is refused": (
        "workshops/test_session_admin.py::test_pre_work_from_another_course_is_refused"
    ),
    # Evidence files (issues 16 and 17)
    "a file is what its name says and within the limit": (
        "core/test_uploads.py::test_a_file_is_what_its_name_says_and_within_the_limit"
    ),
    # Assignments (issue 18)
    "an assignment file whose content is not what its name says refused": (
        "assignments/test_submissions.py::test_a_file_whose_content_is_not_what_its_name_says_is_refused"
    ),
    "an assignment file of a type not accepted refused": (
        "assignments/test_submissions.py::test_a_file_of_a_type_the_assignment_does_not_take_is_refused"
    ),
    "an assignment file too large refused": (
        "assignments/test_submissions.py::test_a_file_larger_than_the_assignment_allows_is_refused"
    ),
    "more assignment files than allowed refused together": (
        "assignments/test_submissions.py::test_more_files_than_allowed_are_refused_all_together"
    ),
    "an empty submission refused": (
        "assignments/test_submissions.py::test_an_empty_submission_is_refused"
    ),
    "removing another learner's or a forged file id refused": (
        "assignments/test_submissions.py::test_removing_a_forged_or_anothers_file_is_refused"
    ),
    "work after the due date refused when late work is not accepted": (
        "assignments/test_submissions.py::test_late_work_is_refused_when_the_assignment_does_not_accept_it"
    ),
    "a double submit hands in one version": (
        "assignments/test_submissions.py::test_a_double_submit_hands_in_one_version"
    ),
    "a trainer of another course cannot see or grade the work": (
        "assignments/test_grading.py::test_a_trainer_of_another_course_sees_and_grades_none_of_it"
    ),
    "a rubric level of another criterion refused, the form kept": (
        "assignments/test_grading.py::test_a_level_of_another_criterion_is_refused_and_the_form_comes_back"
    ),
    "submitted files served to their learner and trainers only, never from public media": (
        "assignments/test_grading.py::test_submitted_files_are_served_to_their_learner_and_trainers_only"
    ),
    "a draft cannot be graded": ("assignments/test_grading.py::test_a_draft_cannot_be_graded"),
    "a peer review of one's own work refused": (
        "assignments/test_peer_review.py::test_a_review_of_ones_own_work_is_refused"
    ),
    "another learner's peer review or a forged id is a 404": (
        "assignments/test_peer_review.py::test_another_learners_review_or_a_forged_id_is_a_404_and_changes_nothing"
    ),
    "a peer review with a level of another criterion refused, the form kept": (
        "assignments/test_peer_review.py::test_a_level_of_another_criterion_or_no_comment_is_refused_and_the_form_keeps_it"
    ),
    "a peer review sent twice keeps the first": (
        "assignments/test_peer_review.py::test_sending_a_review_twice_keeps_the_first"
    ),
    "a peer's file served only to the reviewers given it, under a neutral name": (
        "assignments/test_peer_review.py::test_a_reviewer_downloads_the_work_under_a_name_that_does_not_tell_whose_it_is"
    ),
    "an action plan's PDF for its members and the course's trainers only": (
        "certificates/test_portfolio.py::test_a_plan_member_downloads_the_plan_and_an_outsider_gets_nothing"
    ),
    "the portfolio is for its learner only": (
        "certificates/test_portfolio.py::test_the_portfolio_is_for_its_learner_only"
    ),
}


def defined_tests(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    return {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")
    }


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_each_attack_has_its_test(attack):
    path, name = ATTACKS[attack].split("::")

    assert (TESTS / path).is_file(), ATTACKS[attack]
    assert name in defined_tests(TESTS / path), ATTACKS[attack]


def test_no_test_is_listed_for_two_attacks():
    references = list(ATTACKS.values())

    assert len(references) == len(set(references))

// Every command the window may call, by the module that holds it: the one list of them.
// `build.rs` declares each in the ACL manifest and grants them all to the main window
// (`permissions/default.toml`); `commands::handler` routes them; `commands::tests`
// writes them to `ui/src/lib/commands.ts`, so the UI cannot call a name that is not here.
app_commands! {
    settings:
        app_info, startup_painted, settings_get, settings_set, first_run_put_off, journal_unlock,
        encryption_set, encryption_progress, rendering_in_use;
    journal:
        journal_overview, project_list, project_get, project_save, metric_save, decision_save,
        artifact_save, feedback_save, note_save, note_list, note_page, entry_delete, trash_list,
        trash_restore, trash_empty, link_open;
    search:
        search;
    capture:
        capture_setup_get, capture_settings_set, capture_scan, capture_progress, capture_cancel,
        inbox_page, inbox_get, inbox_accept, inbox_accept_many, inbox_dismiss, inbox_merge,
        inbox_undo;
    habit:
        week_summary, weekly_review_save, period_summary, review_get, review_save, followup_list,
        followup_mark, template_list, template_save, template_remove, template_restore;
    people:
        person_list, person_page, person_of, person_save, person_names, one_on_one_get, one_on_one_list,
        one_on_one_carried, one_on_one_save, action_mark, goal_save, report_preview, report_save;
    stories:
        story_list, story_get, story_save, story_preview, rehearsal_save, story_follow_ups,
        question_coverage;
    guides:
        guide_list, guide_get, question_list, question_get, skill_get, tree_walk, checklist_get,
        checklist_set, checklist_new_cycle, due_items, readiness_get, profile_get, profile_set,
        export_ics;
    resume:
        bullet_list, bullet_edit, bullet_reset, bullet_include, bullet_order, bullet_move,
        bullet_lint, bullet_preview,
        variant_list, variant_get, variant_save, variant_tailor, variant_move, variant_delete,
        variant_restore, export_preview, export_save, brag_save;
    packet:
        packet_targets, packet_get, packet_edit, packet_reset, packet_save;
    backup:
        backup_list, backup_create, backup_restore, backup_progress;
    transfer:
        journal_export_save, journal_import_pick, markdown_export_pick, import_preview,
        import_progress, import_confirm, import_discard;
    demo:
        demo_open;
}

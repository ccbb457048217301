import type { Category } from '../categories';
import { PhraseMatcher, type Rule } from './matcher';

/**
 * The phrases that signal each kind of work, in the matcher's notation (see matcher.ts).
 *
 * Phrases name the *work*, not the request: whether anyone is asked to do it is decided elsewhere.
 * Where the seeds draw a line inside one word ("roadmap" is product, "sprint roadmap" is project;
 * "schedule a meeting" is logistics, "schedule customer interviews" is discovery), the more specific
 * phrase starts earlier or carries a higher `prio`, so it wins at that word. Rules with `cat: null`
 * consume words that must not signal anything ("5 minutes", "test strategy").
 */

const MEETINGS =
  'meeting|meetings|call|calls|sync|syncs|standup|standups|stand-up|stand-ups|retro|retros|retrospective|retrospectives|demo|demos|workshop|workshops|kickoff|kick-off|kickoffs|all-hands|offsite|off-site|session|sessions|1:1|1:1s|ceremony|ceremonies|planning|huddle|catch-up|check-in|review|reviews|invite|invites|meet|get-together|townhall|town_hall|lunch|dinner|happy_hour|social|party|summit|onsite|on-site|board_meeting|qbr|checkpoint|checkpoints';

/** Meetings whose notes and summaries are logistics ("the retro notes"); not "customer call" or "demo". */
const MEETING_NAMES =
  'meeting|meetings|standup|stand-up|retro|retrospective|kickoff|kick-off|planning|sprint_planning|sync|steerco|steering_committee|all-hands|offsite|off-site|workshop|huddle|qbr|board_meeting|1:1|check-in|catch-up|ceremony|vendor_call|vendor_sync|client_call|status_meeting|checkpoint';

const LOGISTICS_VERBS =
  'schedule~|reschedule~|set_up|setting_up|setup|sets_up|organise~|organize~|arrange~|book~|reserve~|move~|cancel~|run|runs|running|facilitate~|host~|coordinate~|plan|plans|planning|sort_out|sorting_out|find_time_for';

/** Work-management tools: naming two of them side by side is a product comparison, not tracker admin. */
const TOOLS = 'jira|linear|asana|trello|clickup|monday.com|productboard|smartsheet|ms_project|azure_boards|wrike|basecamp|github_projects';

const PEOPLE = 'customer|customers|user|users|client|clients|prospect|prospects|buyer|buyers|churned_customers|churned_users|participants|beta_users|design_partners|admins|merchants|shoppers|sellers|patients|clinicians|receptionists|members|subscribers|partners|tenants|drivers|riders|hosts|guests|teachers|students|doctors|nurses|agents|advertisers|publishers|creators|developers|end_users|power_users|pilot_customers|pilot_users';

const RESEARCH_SESSIONS = 'interview|interviews|calls|call|sessions|session|tests|test|studies|study|visits|conversations|chats|time';

export const RULES: ReadonlyArray<Rule<Category>> = [
  // --- things that look like work words but are not ------------------------------------------------
  { cat: null, pattern: '0|1|2|3|4|5|10|15|20|30|45|60|90|few|couple|ten|five|fifteen|thirty|two|three|several|spare|got minutes' },
  { cat: null, pattern: 'a|the few|couple minutes' },
  { cat: null, pattern: 'test|testing|qa|branching|migration|caching|deployment|deploy|retry|backup|indexing|rollback|git|database|db strategy' },
  { cat: null, pattern: 'let|lemme me|us know' },
  { cat: null, pattern: 'ping|message|dm|slack me|us if|when' },
  { cat: null, pattern: 'feel free' },
  { cat: null, pattern: 'no|zero|any blockers|risk|risks' },
  { cat: null, pattern: 'jira|linear|github|slack|asana bot|app|integration' },

  // --- product work ---------------------------------------------------------------------------------
  // Discovery: setting up research with customers is discovery, not logistics (seeds).
  { cat: 'discovery', pattern: `${LOGISTICS_VERBS}|recruit~|line_up DET *2 ${PEOPLE}|discovery|research|usability|feedback|beta ${RESEARCH_SESSIONS}|participants|users|customers`, weight: 2, prio: 3 },
  { cat: 'discovery', pattern: `${LOGISTICS_VERBS}|recruit~|line_up DET *1 interview|interviews|research|discovery|usability_test|usability_tests|usability_study|user_research|customer_research`, weight: 2, prio: 3 },
  { cat: 'discovery', pattern: `book|reserve DET *2 room|rooms|space for DET *1 ${PEOPLE}|discovery|research|usability ${RESEARCH_SESSIONS}`, weight: 2, prio: 4 },
  { cat: 'discovery', pattern: `invite~|email~|contact~|reach_out_to|talk_to|talking_to|speak_to|speak_with|call DET *1 ${PEOPLE}`, weight: 1.5, prio: 3 },
  { cat: 'discovery', pattern: `${PEOPLE}|discovery|research|usability|exploratory|beta|problem|solution|feedback ${RESEARCH_SESSIONS}|interviewing|research|feedback|insights|pain_points|needs|survey|surveys|quotes|verbatims`, weight: 2, prio: 2 },
  { cat: 'discovery', pattern: 'interview~ DET *3 customers|users|clients|prospects|admins|buyers|participants|managers|owners', weight: 2, prio: 2 },
  { cat: 'discovery', pattern: 'user|ux|customer|market|field|qualitative|quant|quantitative research', weight: 1.5, prio: 1 },
  { cat: 'discovery', pattern: 'survey|surveys|questionnaire|questionnaires|persona|personas|jtbd|jobs_to_be_done|usability_test|usability_tests|usability_testing|diary_study|card_sort|card_sorting|discovery|nps_comments|nps_verbatims|feedback_synthesis|affinity_map|affinity_mapping|interview_guide|discussion_guide|research_plan|research_findings|insights', weight: 1.5 },
  { cat: 'discovery', pattern: 'synthesi[sz]e~|synthesise~|synthesize~|synthesis|summari[sz]e~|summarise~|summarize~|cluster~|tag~|code DET *2 feedback|interviews|interview_notes|research|survey|survey_results|responses|verbatims|insights', weight: 2, prio: 2 },
  { cat: 'discovery', pattern: 'pain_point|pain_points|user_needs|customer_needs|customer_problem|customer_problems|feedback|churn_reasons|win_loss_interviews', weight: 0.8 },

  { cat: 'requirements', pattern: 'prd|prds|product_requirements|requirements|requirement|requirements_doc|spec|specs|specification|product_spec|user_story|user_stories|stories|acceptance_criteria|one-pager|one_pager|use_case|use_cases|edge_case|edge_cases|story_map|story_mapping|mvp|mvp_scope|feature_brief|product_brief|problem_statement|solution_brief', weight: 1.5 },
  { cat: 'requirements', pattern: 'define~|defining|agree~|lock_down|lock_in|nail_down|cut|trim~|narrow~|settle~ DET *1 scope|mvp|feature_set|requirements', weight: 2, prio: 2 },
  { cat: 'requirements', pattern: 'write|write_up|draft|flesh_out DET *1 stories|requirements|spec|prd', weight: 2, prio: 2 },
  { cat: 'requirements', pattern: 'scope DET mvp|v1|feature|features|beta|first_release|pilot', weight: 2, prio: 2 },

  { cat: 'prioritization', pattern: 'prioriti[sz]e~|prioritise~|prioritize~|prioritisation|prioritization|priorities|reprioriti[sz]e~|reprioritise~|reprioritize~|backlog|backlogs|stack_rank|stack-rank~|rice|rice_scores|rice_scoring|moscow|must-haves|must_haves|nice-to-haves|trade-off|trade-offs|tradeoff|tradeoffs|cut_list|feature_requests|feature_request|what_goes_in|what_makes_the_cut', weight: 1.5 },
  { cat: 'prioritization', pattern: 'groom~|refine~|rank~|order~|triage~ DET *1 backlog|features|feature_requests|requests|ideas|opportunities|bugs', weight: 2, prio: 2 },
  { cat: 'prioritization', pattern: 'backlog grooming|refinement|prioritisation|prioritization|review', weight: 2, prio: 2 },

  { cat: 'roadmap', pattern: 'roadmap|roadmaps|road_map|release_content|release_scope|release_schedule|release_plan|release_themes|release_notes|themes|quarterly_themes|what_ships|what_we_ship|feature_set|now-next-later|now_next_later', weight: 1.5 },
  { cat: 'roadmap', pattern: 'what|which features|feature go|goes|ship|ships|land|lands in|into DET *2 release|v2|q[1-4]', weight: 2, prio: 2 },

  { cat: 'metrics', pattern: 'north_star_metric|kpi|kpis|okr|okrs|key_results|metric|metrics|success_metrics|experiment|experiments|a/b|a/b_test|a/b_tests|ab_test|ab_tests|split_test|conversion|conversion_rate|retention|activation|churn_rate|funnel|funnels|cohort|cohorts|analytics|dau|mau|wau|nps|engagement|adoption|instrumentation|tracking_plan|event_tracking|usage_data|product_analytics|amplitude|mixpanel|looker_dashboard|hypothesis|hypotheses', weight: 1.5 },
  { cat: 'metrics', pattern: 'instrument~ DET *2 event|events|funnel|flow|feature', weight: 2, prio: 2 },
  { cat: 'metrics', pattern: 'dashboard|dashboards', weight: 0.8 },

  { cat: 'pricing', pattern: 'pricing|price|prices|price_point|price_points|price_increase|pricing_page|pricing_tiers|tiers|packaging|discount|discounts|discounting|willingness_to_pay|paywall|monetisation|monetization|freemium|upsell|seat-based|usage-based_pricing|per-seat|plans_and_pricing|price_sensitivity', weight: 1.5 },

  { cat: 'go_to_market', pattern: 'gtm|go-to-market|go_to_market|positioning|messaging|launch_plan|launch_messaging|launch_announcement|launch_blog|launch_email|value_prop|value_props|value_proposition|sales_enablement|enablement|battlecard|battlecards|press_release|sales_deck|sales_pitch|pitch_deck|one-liner|tagline|target_segment|ideal_customer_profile|icp|launch_tier|product_marketing|market_launch', weight: 1.5 },
  { cat: 'go_to_market', pattern: 'launch|launches', weight: 0.5 },

  { cat: 'business_case', pattern: 'business_case|business_cases|roi|investment_case|revenue_projection|revenue_projections|revenue_forecast|revenue_target|revenue_targets|revenue_goal|revenue_goals|revenue_model|p&l|product_budget|product_budgets|financial_model|unit_economics|ltv|cac|payback|market_opportunity|opportunity_sizing|cost-benefit|cost_benefit|arr_target|arr_targets|bookings_target|budget_ask|funding_ask|investment_memo', weight: 1.5 },
  { cat: 'business_case', pattern: 'product|marketing|growth|r&d budget|budgets', weight: 2, prio: 2 },

  { cat: 'market_analysis', pattern: 'competitor|competitors|competitive|competitive_analysis|competitive_landscape|competition|market_research|market_analysis|market_sizing|market_size|tam|sam|som|industry_report|analyst_report|benchmark|benchmarks|benchmarking|landscape|gartner|forrester|win/loss|win-loss|market_trends|teardown|teardowns', weight: 1.5 },

  { cat: 'vision_strategy', pattern: 'vision|product_vision|strategy|strategic|strategies|north_star|mission|product_direction|long-term_direction|strategy_doc|strategy_deck|big_bets|strategic_bets|bets|product_principles|narrative|thesis|three-year|3-year|five-year|5-year|long-term_plan|product_strategy', weight: 1.5 },

  // --- project-management work -----------------------------------------------------------------------
  { cat: 'schedule', pattern: 'sprint|iteration|delivery|project|implementation|engineering|migration roadmap|roadmaps', weight: 2, prio: 5 },
  { cat: 'schedule', pattern: 'project_plan|project_plans|project_schedule|project_timeline|project_timelines|delivery_plan|delivery_schedule|delivery_timeline|work_plan|workplan|workback|workback_schedule|master_schedule|integrated_plan|gantt|gantt_chart|gantt_charts|critical_path|cutover_plan|migration_plan|launch_date|launch_dates|go-live_date|go_live_date|ship_date|due_date|due_dates|timeline|timelines|milestone|milestones|deadline|deadlines|dependencies|dependency_map|work_breakdown|wbs|estimates|delivery_dates|target_dates|key_dates|plan_of_record|project_calendar|schedule_slip|slippage', weight: 1.5 },
  { cat: 'schedule', pattern: 'update~|revise~|rework~|adjust~|fix|share|maintain~|baseline|own|manage~|redo|build|create~|draft~|prepare~|put_together|pull_together|refresh~|track~|keep|map|map_out|lay_out|replan|re-plan|shift~|push|move~|slip~ DET project|delivery|migration|cutover|rollout|sprint? schedule|schedules|dates|milestone|milestones|deadline|deadlines|delivery|timeline|timelines|estimates', weight: 2, prio: 1 },
  { cat: 'schedule', pattern: 'project|delivery|migration|cutover|rollout|implementation|launch|work|resource plan|plans', weight: 1.5 },
  { cat: 'schedule', pattern: 'on|behind|ahead_of|off track|schedule', weight: 0.6, prio: 1 },
  { cat: 'schedule', pattern: 'the|our|this|project schedule', weight: 1.5 },
  { cat: 'schedule', pattern: 'schedule|plan for DET *1 migration|rollout|cutover|delivery|project|phase|phases|workstream|workstreams', weight: 1.5, prio: 1 },
  { cat: 'schedule', pattern: 'keep|keeping DET *1 project|work|delivery|migration|rollout on_track', weight: 1.5 },

  { cat: 'resourcing', pattern: 'capacity|capacity_plan|capacity_planning|resource_plan|resource_planning|resourcing|resource_allocation|staffing|staffing_plan|headcount_plan|allocation|allocations|reallocation|utilisation|utilization|workload|workloads|bandwidth|on-call_rota|oncall_rota|rota|rotas|roster|holiday_cover|pto_calendar|leave_calendar|vacation_calendar|cover_plan|backfill|who_works_on_what|who_is_working_on_what|who_does_what|who_owns_what|who_is_on_what|team_assignments|task_assignments|assignments|raci|raci_matrix|raci_chart|responsibility_matrix|responsibility_assignment_matrix', weight: 1.5 },
  { cat: 'resourcing', pattern: 'allocate~|reallocate~|staff|assign~|reassign~|distribute~|split|divide|balance~|spread|shuffle~|rebalance~ DET *1 tasks|tickets|stories|work|people|engineers|devs|developers|designers|folks|owners|team|teams|resources|workload|contractors|qa|testers|headcount', weight: 2, prio: 2 },
  { cat: 'resourcing', pattern: 'find|line_up|get|pull_in|borrow DET *1 engineers|devs|developers|designers|people|contractors|testers|resources|cover|headcount|someone', weight: 1.5, prio: 1 },
  { cat: 'resourcing', pattern: 'who|whos|who\'s will|can|is work|works|working|pick|picks|take|takes on|up DET *2 what|which|tickets|tasks|stories', weight: 1.5, prio: 1 },

  { cat: 'status_reporting', pattern: 'status_report|status_reports|status_update|status_updates|status_deck|status_email|status_emails|status_doc|weekly_report|weekly_update|weekly_status|weekly_status_report|progress_report|progress_reports|progress_update|progress_updates|project_update|project_updates|program_update|programme_update|exec_update|exec_updates|exec_status|exec_report|leadership_update|stakeholder_update|stakeholder_updates|steerco|steering_committee|steerco_deck|steering_deck|exec_deck|rag|rag_status|rag_report|red/amber/green|red_amber_green|burndown|burn-down|burndown_chart|burnup|burn-up|velocity_report|velocity_chart|velocity_numbers|roll-up|rollup|status_roll-up|project_health|health_check|monthly_report|weekly_report-out|status_meeting_notes|status_summary|progress_summary|portfolio_report', weight: 1.5 },
  { cat: 'status_reporting', pattern: 'status', weight: 0.6 },
  { cat: 'status_reporting', pattern: 'report|reporting on DET *1 progress|status|delivery|project', weight: 2, prio: 2 },
  { cat: 'status_reporting', pattern: 'update~|brief~|report_to|send_an_update_to|keep DET stakeholders|leadership|execs|exec_team|management|sponsors|the_board|steerco informed|updated|posted?', weight: 2, prio: 2 },
  { cat: 'status_reporting', pattern: 'roll~_up|compile~|collect~|gather~|consolidate~|pull_together DET *1 status|statuses|updates|progress|reports|numbers', weight: 2, prio: 2 },

  { cat: 'risk_log', pattern: 'raid|raid_log|risk_register|risk_log|risks_log|issue_log|issues_log|decision_log|assumptions_log|dependency_log|risks_and_issues|risk_matrix|risk_assessment|risk_review|mitigation_plan|mitigation_plans|mitigations|mitigation|risk_register_entry|risk_owner|risk_owners', weight: 2 },
  { cat: 'risk_log', pattern: 'log~|add~|record~|capture~|track~|raise~|update~|escalate~|document~ DET *2 risk|risks|issue|issues|blocker|blockers|dependency|dependencies', weight: 2, prio: 2 },
  { cat: 'risk_log', pattern: 'risk|risks', weight: 0.6 },

  { cat: 'budget_tracking', pattern: 'project_budget|project_budgets|project_spend|project_cost|project_costs|budget_tracker|budget_tracking|budget_sheet|budget_spreadsheet|budget_vs_actual|budget_vs_actuals|actuals|burn_rate|budget_burn|cost_report|cost_tracking|cost_tracker|cost_overrun|cost_overruns|over_budget|under_budget|budget_overrun|spend_report|forecast_vs_actual|invoice|invoices|invoicing|purchase_order|purchase_orders|po_number|po_numbers|variance|variances|timesheet|timesheets|time_sheet|time_sheets|time_tracking|expense|expenses|expense_report|expense_reports|reimbursement|reimbursements|accruals|cost_codes|billing_codes|contractor_hours|budget_variance', weight: 1.5 },
  { cat: 'budget_tracking', pattern: 'track~|reconcile~|check~|review~|update~|monitor~|report_on|approve~|process~|pay|submit~|log~|chase~|raise~|file~ DET *2 spend|costs|cost|budget|budgets|invoice|invoices|hours|expenses|po|pos|timesheets|burn', weight: 2, prio: 2 },
  { cat: 'budget_tracking', pattern: 'project|cloud|vendor|contractor|agency|monthly|quarterly|total|the|our spend', weight: 1.5, prio: 1 },
  { cat: 'budget_tracking', pattern: 'budget|budgets|spend|costs', weight: 0.8 },

  { cat: 'meeting_logistics', pattern: `book~|reserve~|find|grab|get|sort_out|sort DET *2 room|rooms|lab|labs|meeting_room|conference_room|venue|venues|space|table|catering|hotel|hotels|flights|travel|desk|desks|zoom|zoom_link`, weight: 2, prio: 2 },
  { cat: 'meeting_logistics', pattern: `${LOGISTICS_VERBS} DET *2 ${MEETINGS}`, weight: 2, prio: 1 },
  { cat: 'discovery', pattern: `${LOGISTICS_VERBS}|recruit~|line_up DET *1 ${RESEARCH_SESSIONS} with DET *2 ${PEOPLE}|accounts|pilots`, weight: 2, prio: 4 },
  // "Notes" and "summary" are only a meeting's when the meeting is named: "send the retro notes", "share
  // the notes from the steerco". "The research notes", "the release notes", "the launch summary" are product work.
  { cat: 'meeting_logistics', pattern: 'send~|sent|send_out|sending_out|set_up|update~|forward~ DET *2 invite|invites|invitation|invitations|calendar_invite|calendar_invites|calendar_hold|calendar_holds|holds|agenda|agendas|minutes|recap|recaps|zoom_link|meeting_link|dial-in|follow-up_email', weight: 2, prio: 2 },
  { cat: 'meeting_logistics', pattern: 'take|taking|took|type_up|capture~ DET *1 minutes|notes|meeting_notes|action_items|recap|summary', weight: 2, prio: 2 },
  { cat: 'meeting_logistics', pattern: 'write_up|writing_up|circulate~|share|sharing|shared|send~|sent|send_out|sending_out|forward~|update~|post DET minutes|meeting_notes|meeting_minutes|action_items|recap|recaps', weight: 2, prio: 2 },
  { cat: 'meeting_logistics', pattern: `write_up|writing_up|circulate~|share|sharing|shared|send~|sent|send_out|sending_out|forward~|update~|post|type_up|tidy_up DET ${MEETING_NAMES} notes|summary|minutes|recap|action_items`, weight: 2, prio: 2 },
  { cat: 'meeting_logistics', pattern: `write_up|writing_up|circulate~|share|sharing|shared|send~|sent|send_out|sending_out|forward~|update~|post|type_up|tidy_up DET notes|summary|minutes|recap|action_items from|of DET *2 ${MEETINGS}`, weight: 2, prio: 2 },
  { cat: 'meeting_logistics', pattern: 'find|finding|found|pick|propose DET *1 slot|slots|time|times|date|dates that? works?', weight: 2, prio: 1 },
  { cat: 'meeting_logistics', pattern: 'meeting_room|meeting_rooms|conference_room|room_booking|calendar_invite|calendar_invites|calendar_hold|invite|invites|invitation|invitations|minutes|meeting_notes|meeting_minutes|agenda|agendas|recap|recaps|offsite_logistics|venue|catering|doodle|when2meet|zoom_link|dial-in|rsvp|rsvps|headcount_for|dietary_requirements|lunch_order|logistics|action_items|time_slot|time_slots|meeting_slot|retro_room|standup_time|ceremonies', weight: 1.2 },
  { cat: 'meeting_logistics', pattern: 'order~ DET *1 lunch|food|pizza|catering|snacks|coffee', weight: 2, prio: 1 },

  { cat: 'vendor_admin', pattern: 'vendor|vendors|supplier|suppliers|contractor|contractors|agency_contract|procurement|purchase_request|purchase_requests|purchasing|rfp|rfps|rfq|rfi|quote|quotes|quotation|sow|sows|statement_of_work|msa|nda|ndas|contract|contracts|contract_renewal|licence_renewal|license_renewal|licence|licences|license|licenses|vendor_onboarding|security_questionnaire|vendor_assessment|vendor_review|legal_review|w-9|w9|supplier_onboarding|purchase|po|pos', weight: 1.5 },
  // Words a product sells as often as a team buys: "the renewal journey", "a quote for the customer",
  // "subscriptions growth". Alone they are topic; with a vendor, a contract or a verb of buying they are admin.
  { cat: 'vendor_admin', pattern: 'renewal|renewals|seats|subscription|subscriptions', weight: 0.8 },
  { cat: 'requirements', pattern: 'renewal|renewals|subscription|subscriptions|quote|quotes|quoting|booking|bookings|claim|claims|checkout|onboarding|signup|sign-up|payment|payments|billing|repair|search|tracker|timeline|calendar mvp|prototype|prototypes|journey|journeys|idea|concept|flow|flows|experience|funnel|screen|screens|page|pages|feature|features|tool|tier|tiers|widget|form|a/b|ab_test|experiment|experiments|reminder_a/b|wireframes|mockups|designs', weight: 2, prio: 4 },
  { cat: 'vendor_admin', pattern: 'onboard~|set_up|setup|renew~|sign~|negotiate~|get|chase~ DET *1 vendor|vendors|supplier|agency|contractor|contract|contracts|nda|ndas|sow|msa|licences|licenses|quote|quotes', weight: 2, prio: 2 },

  { cat: 'change_control', pattern: 'change_request|change_requests|cr|crs|change_log|change_control|change_board|change_advisory_board|ccb|scope_change|scope_changes|scope_creep|change_order|change_orders|re-baseline|rebaseline|rebaselining|baseline|impact_assessment|impact_analysis|scope_log|change_process|variation_request|out-of-scope|out_of_scope', weight: 1.5 },
  { cat: 'change_control', pattern: 'manage~|control~|track~|police~|guard~|log~|review~|assess~|approve~|process~ DET *2 scope|change|changes|scope_changes|requests_against', weight: 2, prio: 1 },
  { cat: 'change_control', pattern: 'scope', weight: 0.6 },

  { cat: 'tracker_hygiene', pattern: 'jira|asana|trello|clickup|monday.com|smartsheet|ms_project|azure_boards|ticket|tickets|jira_board|sprint_board|kanban|kanban_board|scrum_board|story_points|subtask|subtasks|epic_links|fix_version|fix_versions|swimlanes|swimlane|statuses|board_hygiene|ticket_hygiene|sprint_admin|sprint_setup|stale_tickets|labels|columns', weight: 1.5 },
  { cat: 'tracker_hygiene', pattern: 'move~|update~|close~|close_out|triage~|label~|tag~|clean_up|tidy|tidy_up|archive~|groom~|point|re-point|link~|split~|transition~|drag~|file~|log~|create~|raise~ DET *2 ticket|tickets|card|cards|issue|issues|board|boards|statuses|status|epics|epic|stories|story|tasks|subtasks|columns|labels|bugs', weight: 2, prio: 1 },
  { cat: 'tracker_hygiene', pattern: 'set_up|setup|start~|close~|open~|create~|kick_off|roll_over|rollover|end DET *1 sprint|sprints|iteration|iterations|cycle|cycles', weight: 2, prio: 1 },
  { cat: 'tracker_hygiene', pattern: 'sprint|jira|asana|trello|team|kanban|scrum|project|retro board|boards', weight: 1.5, prio: 1 },
  { cat: 'tracker_hygiene', pattern: 'sprint|sprints', weight: 0.6 },

  { cat: 'follow_up', pattern: 'follow_up|follow-up|followup|follow-ups|followups|follow_ups|follows_up|followed_up|following_up|chase~|chasing|nudge~|hound~|hunt_down|check_in_with|checking_in_with|circle_back_with|get_back_to|reach_out_to|badger~|poke|chaser|chasers', weight: 1.5 },
  { cat: 'follow_up', pattern: 'ping~|remind~|email~|message~|dm @', weight: 1.5, prio: 1 },
  { cat: 'follow_up', pattern: 'ping~|remind~|nudge~ DET *1 legal|finance|procurement|vendor|vendors|team|them|him|her|people|everyone|folks|stakeholders|approvers|design|engineering', weight: 1.5, prio: 1 },
  { cat: 'follow_up', pattern: 'get|getting|secure~|collect~|obtain~ DET *1 sign-off|signoff|sign_off|sign-offs|approval|approvals|answers|answer|responses|confirmation', weight: 1.5, prio: 1 },
  { cat: 'follow_up', pattern: 'make_sure|ensure @|legal|finance|everyone|everybody|they|the_team', weight: 1, prio: 0 },
  { cat: 'requirements', pattern: 'timeline|gantt|calendar|roadmap|kanban|board|dashboard|list|table|grid|map view|views|widget|widgets|component|screen|page|tab|layout', weight: 2, prio: 3 },
  { cat: 'requirements', pattern: 'invoice|invoices|invoicing|billing|expense|expenses|timesheet|timesheets|time_tracking|budget|budgets|budgeting|spend|payments|purchase_order|purchase_orders|approvals|scheduling|booking|bookings page|pages|screen|screens|flow|flows|redesign|feature|features|ui|ux|tab|view|views|module|export|exports|experience|settings|workflow|widget|component|form|checkout|api|endpoint|product', weight: 2, prio: 3 },
  { cat: 'requirements', pattern: 'define~|clarify~|frame~|articulate~|write_down DET *1 problem|problems|problem_space|requirements|user_journey|success_criteria|acceptance_criteria|jobs', weight: 2, prio: 2 },
  { cat: 'requirements', pattern: 'decide~|deciding|figure_out|work_out whether|if|what|which|how', weight: 0.9 },
  { cat: 'discovery', pattern: `interview~|interviewing|calls|call|sessions|session|chats|conversations with DET *2 ${PEOPLE}|accounts|pilots|enterprise_pilots`, weight: 2, prio: 3 },
  { cat: 'discovery', pattern: `${PEOPLE}|people want|wants|need|needs|think|feel|use|hate|hates|love|loves|struggle|struggles|care|ask|asking|complain|complaining`, weight: 1.5, prio: 1 },
  { cat: 'discovery', pattern: 'interview|research|feedback|survey|usability synthesis|results|findings|insights|notes|readout', weight: 2, prio: 1 },
  { cat: 'discovery', pattern: 'synthesis|interviews|usability', weight: 0.8 },
  { cat: 'market_analysis', pattern: 'size~|sizing DET *1 market|markets|opportunity|segment|tam', weight: 2, prio: 2 },
  { cat: 'market_analysis', pattern: `${TOOLS} vs|vs.|versus|compared_to|against ${TOOLS}`, weight: 2, prio: 3 },
  { cat: 'market_analysis', pattern: `${TOOLS} alternatives|competitors|pricing_page`, weight: 2, prio: 3 },
  { cat: 'market_analysis', pattern: `compare~|comparing|comparison|evaluate~|evaluating|benchmark~ DET ${TOOLS} and|with|to|vs|versus|against|or ${TOOLS}`, weight: 2, prio: 3 },
  { cat: 'roadmap', pattern: 'the|next release', weight: 0.6 },
  { cat: 'resourcing', pattern: "who|who's|whos|who_is on|in which|what squad|squads|team|teams|project|workstream|pod", weight: 1.5, prio: 1 },
  { cat: 'status_reporting', pattern: 'where DET *2 project|migration|program|programme|workstream|we|things|it stands|stand|are|is', weight: 1.5, prio: 1 },
  { cat: 'status_reporting', pattern: '% done|percent_done|percent_complete', weight: 1.5 },
  { cat: 'budget_tracking', pattern: 'budget check|review|reviews|burn|status|report|update', weight: 2, prio: 2 },
  { cat: 'budget_tracking', pattern: 'client_billing|billable_hours|billable|burn_sheet|hours_logged|hours_billed|time_and_materials|t&m', weight: 1.5 },
  { cat: 'budget_tracking', pattern: 'collect~|gather~|total~|add_up DET *1 hours|timesheets|expenses|receipts', weight: 2, prio: 2 },
  { cat: 'meeting_logistics', pattern: 'sort|sort_out|organise~|organize~|manage~|juggle~|coordinate~|wrangle~ DET *1 calendar|calendars|diary|diaries|schedules', weight: 2, prio: 2 },
  { cat: 'meeting_logistics', pattern: 'cover~ DET retro|standup|stand-up|planning|ceremony|ceremonies|meeting|sync', weight: 1.5, prio: 1 },
  { cat: 'meeting_logistics', pattern: 'offsite|off-site', weight: 0.6 },
  { cat: 'meeting_logistics', pattern: 'retro|standup|stand-up|planning|ceremony|review|demo facilitation|logistics|prep|invites|notes', weight: 2, prio: 1 },
  { cat: 'resourcing', pattern: "who's|whos|who_is|who_are *1 free|available|around|spare|on_leave|out", weight: 1.5, prio: 1 },
  { cat: 'resourcing', pattern: 'staff|resource|man|crew it|this|that|the_work|the_project|the_team|the_squad|the_workstream', weight: 2, prio: 1 },
  { cat: 'meeting_logistics', pattern: 'sprint_calendar|ceremony_calendar|meeting_calendar|team_calendar|meeting_cadence|ceremony_schedule|ceremonies_calendar', weight: 1.5 },
  // --- broader phrasings of the same work (domain vocabulary, not corpus lines) ------------------------
  { cat: 'schedule', pattern: 'eta|etas|go-live|go-live_plan|phase_gate|stage_gate|gate_review|release_train|sprint_plan|sprint_schedule|replan|re-plan|replanning|re-planning|project_calendar|timebox|timeboxes|buffer_days|delivery_dates|workback_plan|lookahead|look-ahead|target_date|target_dates|critical_dates|planning_sheet|project_tracker|delivery_tracker|plan_on_a_page', weight: 1.2 },
  { cat: 'schedule', pattern: 'collect~|gather~|get|chase~ DET *1 etas|eta|estimates|dates|timelines', weight: 2, prio: 3 },
  { cat: 'resourcing', pattern: 'headcount|coverage|cover_for|free_up|loaned|secondment|team_allocation|squad_allocation|staff_plan|staffing_matrix|resource_matrix|resource_sheet|resource_tracker|skills_matrix|on-call_schedule|oncall_schedule|support_rota|shift_plan|holiday_rota|leave_tracker|pto_tracker|load-balance|load_balance', weight: 1.2 },
  { cat: 'resourcing', pattern: 'find|get DET *1 owner|owners|replacement|cover|someone|backup|volunteer|volunteers for|to', weight: 1.5, prio: 1 },
  { cat: 'status_reporting', pattern: 'exec_summary|executive_summary|highlight_report|flash_report|sitrep|traffic_light|board_update|status_readout|program_status|project_status|programme_status|weekly_digest|status_dashboard|project_dashboard|delivery_report|milestone_report|progress_deck|qbr_deck|monthly_update|fortnightly_update|biweekly_update|daily_report', weight: 1.5 },
  { cat: 'status_reporting', pattern: 'send|share|post|write|draft|present~ DET *1 update|updates|summary|report|readout to|for DET *1 leadership|stakeholders|execs|exec|sponsors|board|client|customer|steerco|management|cto|ceo|vp', weight: 2, prio: 2 },
  { cat: 'risk_log', pattern: 'escalation_log|risk_score|risk_scoring|risk_scores|risk_list|risk_tracker|issue_tracker_sheet|raid_review|risk_burndown|contingency_plan|contingency_plans|risk_appetite', weight: 1.5 },
  { cat: 'risk_log', pattern: 'assess~|identify~|score~|rate~|map|list|review~|own DET *2 risk|risks', weight: 2, prio: 2 },
  { cat: 'budget_tracking', pattern: 'cost_forecast|cost_centre|cost_center|overspend|overspent|underspend|underspent|budget_line|budget_lines|line_items|finance_tracker|finance_sheet|cost_sheet|aws_bill|cloud_bill|cloud_costs|aws_costs|gcp_costs|run_rate|capex|opex|chargeback|chargebacks|forecast_vs_actuals|budget_report|spend_tracker|approved_budget', weight: 1.5 },
  { cat: 'meeting_logistics', pattern: 'time_poll|scheduling_poll|meeting_invite|meeting_invites|meeting_series|recurring_meeting|room_for|teams_link|meet_link|hangout_link|whereby|travel_booking|travel_bookings|accommodation|visa_letters|name_badges|seating_plan|headcount_for', weight: 1.5 },
  { cat: 'meeting_logistics', pattern: 'chair~|moderate~|emcee DET *1 meeting|call|sync|retro|standup|review|session|workshop|planning', weight: 2, prio: 2 },
  { cat: 'vendor_admin', pattern: 'dpa|dpas|data_processing_agreement|sla|slas|redline|redlines|terms_and_conditions|t&cs|t&c|order_form|order_forms|vendor_contract|vendor_invoice|vendor_management|supplier_contract|agency|purchase_approval|software_request|tool_request|license_request|licence_request|contract_extension|renewal_date|auto-renewal', weight: 1.2 },
  // The change advisory board by its initials, never a taxi: only with what a board does.
  { cat: 'change_control', pattern: 'cab meeting|request|requests|approval|review|submission|slot|paperwork|pack|ticket', weight: 1.5 },
  { cat: 'change_control', pattern: 'change_requests_log|cr_log|cr_board|scope_baseline|scope_document|change_impact|variation|variations|change_approval|descoped_items', weight: 1.5 },
  { cat: 'tracker_hygiene', pattern: 'components|workflow_statuses|ticket_statuses|story_point|estimates_in_jira|jira_hygiene|board_cleanup|backlog_hygiene|duplicate_tickets|orphan_tickets|unassigned_tickets|sprint_field|jql|filters_in_jira|confluence_page_tree', weight: 1.2 },
  { cat: 'tracker_hygiene', pattern: 'update~|clean_up|tidy~|fix DET *1 jira|asana|trello|clickup|tracker|tickets|tasks|cards', weight: 2, prio: 2 },
  { cat: 'follow_up', pattern: 'get_an_answer|get_answers|get_a_response|hear_back|get_a_reply|get_a_decision_from|get_an_update_from|get_updates_from|collect_updates_from|chase_down|keep_after|stay_on_top_of|follow_through', weight: 1.5 },
  { cat: 'discovery', pattern: 'support_ticket|support_tickets|zendesk_tickets|customer_tickets|intercom_conversations|sales_call_notes|gong_calls|user_testing|prototype_test|prototype_tests|prototype_testing|concept_test|concept_tests|fake_door|smoke_test|beta_program|customer_advisory_board|field_study|contextual_inquiry|customer_discovery|problem_discovery|opportunity_tree|opportunity_solution_tree|assumption_test|assumption_tests', weight: 2, prio: 2 },
  { cat: 'prioritization', pattern: 'sequence~|order~|rank~ DET *1 features|work|bets|epics|initiatives|projects|themes', weight: 2, prio: 2 },
  { cat: 'prioritization', pattern: 'priority_list|priority_order|prioritised_list|prioritized_list|impact/effort|impact_vs_effort|effort_vs_impact|cost_of_delay|wsjf|kano|opportunity_scoring|cut_line|descope|descoping', weight: 1.5 },
  { cat: 'roadmap', pattern: 'quarterly_planning|q1_planning|q2_planning|q3_planning|q4_planning|h1_planning|h2_planning|annual_planning|product_planning|okr_planning|release_contents|launch_scope|what_we_build|now/next/later', weight: 1.5 },
  { cat: 'metrics', pattern: 'baseline metric|metrics|numbers|conversion|retention|kpis', weight: 2, prio: 3 },
  { cat: 'metrics', pattern: 'guardrail_metric|guardrail_metrics|leading_indicator|leading_indicators|lagging_indicators|time_to_value|stickiness|ctr|click-through|drop-off|dropoff|readout|test_results|significance|sample_size|power_analysis|holdout|feature_flag_rollout_metrics|event_schema', weight: 1.2 },
  { cat: 'go_to_market', pattern: 'launch_summary|launch_brief|launch_recap|launch_notes|launch_update|launch_email|launch_faq|case_study|case_studies|landing_page|launch_video|demo_video|product_launch|launch_post|announcement|changelog_post|customer_comms|customer_announcement|analyst_briefing|sales_training|sales_kickoff_deck|pitch|competitive_positioning|market_positioning|segment_messaging|beta_launch|ga_launch', weight: 1.2 },
  { cat: 'business_case', pattern: 'revenue|margin|margins|gross_margin|cost_to_serve|investment_proposal|funding_request|headcount_ask|budget_proposal|payback_period|npv|irr|business_plan|financial_case', weight: 1 },
  { cat: 'market_analysis', pattern: 'market_map|market_landscape|competitive_intel|competitive_intelligence|competitor_analysis|competitor_teardown|feature_comparison|comparison_matrix|swot|porter|analyst_reports|industry_trends|market_segments|segmentation', weight: 1.5 },
  { cat: 'vision_strategy', pattern: 'long-term|long_term|product_principles|strategic_pillars|pillars|strategy_memo|vision_doc|vision_deck|vision_statement|three-year_plan|multi-year|strategic_themes|where_to_play|how_to_win', weight: 1.2 },
];

/*
 * Concept classes: verbs of coordinating (keeping, chasing, herding, compiling, mapping, chairing)
 * crossed with the objects of project work (dates, owners, dependencies, people and capacity,
 * checklists and runbooks, spend, meetings on calendars). Written as classes rather than phrases, so
 * "wrangle everyone's dates", "keep the team honest on dates" and "pull together who owns what by
 * when" are read by the same rule, whatever the exact words between verb and object.
 */
const KEEP_VERBS = 'keep~|kept|maintain~|own|owning|owns|run|runs|running|manage~|track~|monitor~|update~|refresh~|police~|watch|babysit~';
const COMPILE_VERBS =
  'pull_together|put_together|pulling_together|putting_together|draw_up|drawing_up|map_out|mapping_out|map|lay_out|laying_out|work_out|working_out|figure_out|sketch_out|sketch|list|lists|listing|compile~|collate~|build|building|create~|make|prepare~|prep|draft~|write|write_up|writing|do|doing|come_up_with|own|produce~|set_up|setup|nail_down|pin_down';
const HERD_VERBS = 'herd~|wrangle~|corral~|chase~|chasing|nag~|hound~|badger~|keep_after|round_up|rally~|align|get|getting|collect~|gather~|confirm~|lock_down|lock_in';
const DATE_OBJECTS =
  "dates|date|deadlines|deadline|due_dates|timings|timing|timelines|timeline|milestones|milestone|deliverables|dependencies|dependency|cross-team_dependencies|handoffs|hand-offs|critical_path|cutover|cut-over|cutover_plan|go-live|rollout_plan|roll-out_plan|migration_plan|project_plan|delivery_plan|runbook|runbooks|run-book|checklist|checklists|launch_checklist|release_checklist|countdown|workback|work-back|uat_schedule|test_schedule|uat_plan|sequencing|order_of_work|plan_with_owners|owners_and_dates|dates_and_owners|who_does_what|who's_doing_what|who_is_doing_what";
const PEOPLE_OBJECTS = 'people|engineers|devs|developers|folks|hands|bodies|heads|designers|testers|capacity|bandwidth|headcount|staffing|staff|rota|rotas|cover|coverage|on-call|allocation|allocations|assignments|owners';
const SPEND_OBJECTS = 'spend|spending|spent|costs|cost|burn|budget|budgets|invoices|expenses|hours|actuals|overspend|outgoings';

const CONCEPT_RULES: ReadonlyArray<Rule<Category>> = [
  // Dates, owners and dependencies kept, mapped or herded: schedule work.
  { cat: 'schedule', pattern: `${KEEP_VERBS}|${COMPILE_VERBS}|${HERD_VERBS} DET *3 ${DATE_OBJECTS}`, weight: 2, prio: 1 },
  { cat: 'schedule', pattern: `${DATE_OBJECTS} up_to_date|current|updated|on_track|honest|straight|in_order|in_sync`, weight: 2, prio: 1 },
  { cat: 'schedule', pattern: "who|who's|whos|who_is|who_owns|who_does|who_needs_to_do|who_will_do *3 what|which|when|by_when", weight: 1.5, prio: 1 },
  { cat: 'schedule', pattern: 'waiting_on|waiting_for|blocked_on|blocked_by|blocking|depends_on|dependent_on|gated_on|gating *2 which|what|whom|each_other|who', weight: 1.5, prio: 1 },
  // "map what v2 is blocked on", "work out which bits are waiting on the vendor": the dependencies.
  { cat: 'schedule', pattern: 'map~|map_out|figure_out|work_out|list|show|write_down what|which *6 blocked_on|blocked_by|waiting_on|waiting_for|depends_on|depend_on|gated_on', weight: 2, prio: 2 },
  // "herd the sign-offs", "wrangle the approvals": chasing people for them.
  { cat: 'follow_up', pattern: `${HERD_VERBS} DET *1 sign-offs|signoffs|sign_offs|sign-off|signoff|approvals|approvers|answers|responses|replies|confirmations|stakeholders`, weight: 1.5, prio: 2 },
  // "figure out who we borrow", "who can we pull in": finding people.
  { cat: 'resourcing', pattern: 'who|whom *3 borrow~|lend~|loan~|pull_in|free_up|second', weight: 1.5, prio: 1 },
  { cat: 'schedule', pattern: 'keep~|kept DET *3 honest|on_track|on_schedule|to_schedule|on_time on|about|with DET *2 dates|deadlines|timings|the_plan|milestones', weight: 2, prio: 2 },
  { cat: 'schedule', pattern: 'keep~|kept DET *3 honest|on_track|on_schedule|to_schedule', weight: 1.5, prio: 1 },
  { cat: 'schedule', pattern: 'critical_path|uat_schedule|uat_plan|uat_timeline|test_schedule|cutover_plan|cutover_runbook|release-day_runbook|launch-day_runbook|go-live_runbook|go-live_checklist|launch_checklist|release_checklist|readiness_checklist|dependency_map|dependency_mapping|raci|raci_chart|raci_matrix|runbook|run-book|workback_schedule|countdown_plan', weight: 1.5 },
  { cat: 'schedule', pattern: 'break|breaking|broke|split~|chunk~|carve~ DET *3 into tasks|into_tickets|into_stories|into_workstreams|into_phases|into_milestones|into_chunks|down', weight: 1.5, prio: 1 },
  { cat: 'schedule', pattern: 'estimate~|size~|point DET *2 them|tasks|tickets|stories|work|it', weight: 0.8, prio: 0 },
  // People and capacity: resourcing.
  { cat: 'resourcing', pattern: `enough|sufficient|spare|more|extra ${PEOPLE_OBJECTS}`, weight: 2, prio: 1 },
  { cat: 'resourcing', pattern: `${COMPILE_VERBS}|${KEEP_VERBS} DET *2 capacity_plan|capacity_planning|resource_plan|resourcing_plan|staffing_plan|rota|rotas|cover_rota|allocation|allocations`, weight: 2, prio: 2 },
  { cat: 'resourcing', pattern: 'assign~|allocate~|hand_out|dish_out|dole_out|divvy_up|share_out DET *2 them|tasks|tickets|work|stories|owners|people', weight: 1.5, prio: 1 },
  { cat: 'resourcing', pattern: 'capacity_plan|capacity_planning|resource_plan|resource_planning|staffing_plan|people_plan', weight: 1.5 },
  // Spend against a budget: budget tracking.
  { cat: 'budget_tracking', pattern: `breakdown|break-down|split|tally|summary|view|report|sheet|tracker|comparison of DET *3 ${SPEND_OBJECTS}`, weight: 2, prio: 2 },
  { cat: 'budget_tracking', pattern: `${SPEND_OBJECTS} breakdown|vs|versus|against|compared|to_date|so_far|tracker|sheet|report|log`, weight: 2, prio: 1 },
  { cat: 'budget_tracking', pattern: 'against|vs|versus|compared_to|within DET *2 budget|budgets|what_finance|the_approved|the_allocation|the_po|what_we_were_given', weight: 1.5, prio: 1 },
  { cat: 'budget_tracking', pattern: 'log~|record~|enter~|put|add~|track~ DET *4 budget_sheet|budget_tracker|cost_sheet|spend_sheet|finance_sheet|expenses_sheet', weight: 2, prio: 2 },
  // Meetings: on calendars, chaired, kept to time; ceremonies run by someone.
  { cat: 'meeting_logistics', pattern: `get|put|add|stick|pop|drop DET *2 ${MEETINGS}|go_no-go on|in|into|onto DET *1 calendar|calendars|diary|diaries|cal|cals`, weight: 2, prio: 3 },
  { cat: 'meeting_logistics', pattern: 'on|in|into|onto DET calendar|calendars|diary|diaries|cal|cals', weight: 1.5, prio: 1 },
  { cat: 'meeting_logistics', pattern: 'go_no-go|go_no-go_call|go_no-go_meeting|go-no-go|launch_readiness_review|readiness_review|cab_meeting|steerco_meeting|status_meeting|weekly_sync|project_sync|kickoff_call|kick-off_call|kickoff_meeting|kick-off_meeting', weight: 1.5 },
  { cat: 'meeting_logistics', pattern: 'scrum_master|scrum-master|scrummaster|facilitator|note-taker|notetaker|note_taker|minute-taker|minute_taker|timekeeper|time-keeper|meeting_owner|master_of_ceremonies|emcee', weight: 2 },
  { cat: 'meeting_logistics', pattern: 'finishes|finish|ends|end|wraps|wrap|runs|run|stays|stay|keep~ DET *2 on_time|to_time|to_30|to_an_hour|under_an_hour|to_the_hour|to_schedule|short', weight: 1.5, prio: 1 },
  { cat: 'meeting_logistics', pattern: 'send_out|sending_out|sent_out|circulate~|share~|distribute~ DET *2 agenda|agendas|invite|invites|minutes|pre-read|pre-reads|dial-in', weight: 2, prio: 2 },
  // Change requests and scope changes kept in a log.
  { cat: 'change_control', pattern: `log~|record~|track~|capture~|list~|keep~|collect~ DET *3 change|changes|change_requests|requests_for_change|scope_changes|new_asks|additions`, weight: 2, prio: 2 },
  // Status rolled up and reported.
  { cat: 'status_reporting', pattern: `${COMPILE_VERBS}|${KEEP_VERBS}|send|share|post DET *2 status|roll-up|rollup|round-up|roundup|progress|health|rag|update_for|summary_for|report_for|report-out`, weight: 1.5, prio: 1 },
  // Where things are: status gathered, rolled up and sent.
  { cat: 'status_reporting', pattern: "where DET *3 we're_at|we_are_at|is_at|are_at|'s_at|it's_at|things_are|things_stand|we_stand|it_stands|each_squad's_at|each_team's_at", weight: 2, prio: 2 },
  { cat: 'status_reporting', pattern: "where-we're-at|where-we-are|where_we're_at|roll_it_up|roll_them_up|roll~ DET *2 up|one-pager_on_where|one_pager_on_where|status_bit|status_section|progress_email|update_email|check-in_email", weight: 1.5, prio: 1 },
  { cat: 'follow_up', pattern: 'keep_tabs_on|keeping_tabs_on|keep_an_eye_on|keeping_an_eye_on|keep_on_at|keep_at|stay_on|stay_on_top_of|keep_on_top_of|on_top_of|check_in_w/|check_in_with_each|check_in_with_every|poke~|prod~|chivvy|chivvied|chase_up|follow_through', weight: 1.5, prio: 1 },
  // What could go wrong, kept in a list with owners: risk log.
  { cat: 'risk_log', pattern: "things|anything|stuff|what|everything|issues that|which|could|might|may|that'll|that_could|that_might *2 derail|slip|go_sideways|go_wrong|blow_up|bite_us|trip_us_up|put_at_risk|threaten|jeopardise|jeopardize|sink", weight: 2, prio: 2 },
  { cat: 'risk_log', pattern: 'go_sideways|goes_sideways|going_sideways|go_wrong|derail~|blockers_log|risk_list|worry_list|watch_list|watchlist', weight: 1.2 },
  // What moves when something is late: schedule.
  { cat: 'schedule', pattern: "knock-on|knock-ons|knock-on_effect|knock_on|what_else_moves|ripple_effect|without_slipping|what_happens_when|in_what_order|what_order|when_it_lands|when_each|when_things_land|realistically_go|realistically_land|realistically_ship|dates_against|dates_for_each|dates_on_each|plan_of_what|proper_plan|realistic_plan|rough_dates|dates_by_phase|each_phase|phases", weight: 1.5, prio: 1 },
  { cat: 'schedule', pattern: 'put|stick|pencil|get DET *2 dates|deadlines|timings against|on|to|for', weight: 2, prio: 2 },
  // Money: how much is spent, whether it adds up.
  { cat: 'budget_tracking', pattern: "how_much DET *6 spent|spend|used|burned|burnt|left|remaining|gone|billed|invoiced", weight: 2, prio: 2 },
  { cat: 'budget_tracking', pattern: 'money_side|the_money|the_numbers_add_up|numbers_add_up|adds_up|add_up|money_adds_up|costs_add_up|within_budget|over_budget|under_budget|on_budget', weight: 1.5, prio: 1 },
  // Travel and rooms sorted for a group: meeting logistics.
  { cat: 'meeting_logistics', pattern: 'sort~|book~|arrange~|organise~|organize~|handle|find|get DET *3 travel|hotels|hotel|flights|accommodation|room|rooms|meeting_room|venue|lunch|dinner|catering|desks|visas', weight: 2, prio: 2 },
  { cat: 'meeting_logistics', pattern: 'travel|hotels|hotel|flights|accommodation|meeting_room|visas', weight: 1.2 },
  { cat: 'meeting_logistics', pattern: 'send_round|send_around|sending_round|write_up|writing_up|circulate~|share~|type_up|jot_down DET *2 what_we_agreed|what_was_agreed|actions|action_points|next_steps|decisions|recap|summary_of_the_call|summary_of_the_meeting', weight: 2, prio: 2 },
  // People across teams: resourcing.
  { cat: 'resourcing', pattern: "who's|who_is|whos covering|covers|cover|minding|owning|picking_up", weight: 2, prio: 2 },
  { cat: 'resourcing', pattern: "best_placed|best_used|best_deployed|across_the_squads|across_squads|across_the_teams|across_teams|freeing_up|free_up|frees_up|roll_off|rolls_off|rolling_off|who_goes_where|who_goes_on|where_they_go|second_qa|extra_qa|another_dev|another_engineer|more_hands", weight: 1.5, prio: 1 },
  // Scope added after agreement: change control.
  { cat: 'change_control', pattern: 'tacking_on|tacks_on|tacked_on|tack_on|bolting_on|bolted_on|after_sign-off|after_signoff|after_sign_off|extra DET *2 scope|absorb DET *3 scope|scope_creep|new_asks|change_asks|extra_asks|additional_asks', weight: 1.5, prio: 1 },
  // Boards that do not match reality: tracker hygiene.
  { cat: 'tracker_hygiene', pattern: "board|boards|tracker|jira *3 lying|isn't_lying|accurate|right|a_mess|messy|out_of_date|stale|wrong|reflects_reality", weight: 2, prio: 2 },
  { cat: 'tracker_hygiene', pattern: 'tidy~|clean~|sort_out|straighten~|fix|groom~ DET *2 board|boards|tickets|columns|lanes|swimlanes|tracker', weight: 2, prio: 2 },
  // Product readings that look like project words.
  { cat: 'market_analysis', pattern: "what|how *4 are_doing|is_doing|are_charging|is_charging|do_it|handle_it|are_building|have_built|ship~ with|for|on|about|around|in", weight: 1.5, prio: 1 },
  { cat: 'discovery', pattern: 'tickets|complaints|requests|reports|messages|emails about|saying|asking|complaining', weight: 2, prio: 3 },
  { cat: 'discovery', pattern: 'talk_to|speak_to|speak_with|call|interview DET *2 few|some|handful|couple of them|those_users|those_customers', weight: 2, prio: 2 },
  { cat: 'prioritization', pattern: 'cut|trim|narrow|whittle|pare DET *2 down|down_to|to_what|to_the', weight: 1.5, prio: 1 },
  { cat: 'prioritization', pattern: 'wishlist|wish_list|wish-list|top_asks|top_10_asks|top_requests|what_actually_matters|what_to_drop|what_should_we_drop|what_we_drop|what_goes|rank~|ranking', weight: 1.5, prio: 1 },
  // The board of directors is not a tracker board.
  { cat: null, pattern: `${KEEP_VERBS}|${COMPILE_VERBS} DET *2 board version|deck|pack|paper|papers|slides|meeting|update|memo|narrative|presentation`, weight: 0, prio: 2 },
  { cat: 'status_reporting', pattern: 'status_note|status_notes|status_summary|status_slide|rag_slide|closure_report|project_closure|close-out_report|closeout_report|end-of-project_report|lessons_learned|post-project_review|quarterly_update|monthly_update_deck|update_inputs|update_deck', weight: 1.5 },
  { cat: 'meeting_logistics', pattern: 'running_order|run_of_show|run-of-show|demo_list|demo_order|speaker_list|speaker_order|lineup|line-up|save-the-dates|save_the_dates|save-the-date|rsvps|sign-off_meeting|signoff_meeting', weight: 1.5 },
  { cat: 'resourcing', pattern: 'onboarding_plan|onboarding_plans|new_starters|new_joiners|starter_plan|induction_plan|resource_plan|resourcing_plan|headcount_asks|stakeholder_map', weight: 1.5 },
  { cat: 'tracker_hygiene', pattern: 'action_log|actions_log|action_tracker|action_items_log|decision_log|actions_list', weight: 1.5 },
  { cat: 'schedule', pattern: 'revised_plan|updated_plan|new_plan|replanned_dates|revised_dates|new_dates|revised_timeline', weight: 1.5 },
  { cat: 'status_reporting', pattern: 'send|share|circulate|present~ DET *3 to|with DET *1 sponsors|sponsor|steerco|execs|leadership|stakeholders|the_board|the_client', weight: 2, prio: 1 },
  // Booking anything for people is logistics, unless a more specific reading (research sessions) wins.
  { cat: 'meeting_logistics', pattern: 'book|books|booking|rebook|rebooking|circulate|circulating', weight: 1.2, prio: -1 },
  { cat: 'meeting_logistics', pattern: 'attendance|track_attendance|run-order|run_order|dry_run|dry-run|assessors|fieldwork_dates|training_slots|slots', weight: 1.2 },
  { cat: 'discovery', pattern: 'book~|reserve~|set_up DET *2 research_lab|playtest|playtest_lab|testing_lab', weight: 2, prio: 4 },
  { cat: 'discovery', pattern: `book~|reserve~|set_up DET *2 lab|usability_lab *4 ${PEOPLE}|sessions|testing|playtest|playtests|research|study|studies`, weight: 2, prio: 5 },
  { cat: 'discovery', pattern: 'book~|line_up DET *3 for DET *1 feedback|research|discovery|usability|interview|interviews', weight: 2, prio: 5 },
  // A product problem, not a booking to make.
  { cat: null, pattern: 'double-booking|double-bookings|double_booking|double_bookings' },
  { cat: 'discovery', pattern: 'playtest|playtests|playtesting|test_script|research_lab|research_panel|participant_recruitment|recruit_via', weight: 2 },
  // A session with a customer to try an idea out is discovery, however it is booked.
  { cat: 'discovery', pattern: 'book~|schedule~|set_up|arrange~|organise~|organize~|line_up DET *1 demo|demos|session|sessions|call|calls|meeting|meetings|workshop|walkthrough with *3 to|so_we_can|and test|validate|get_feedback|show|gauge|try|check', weight: 2, prio: 5 },
  { cat: 'discovery', pattern: 'test~|validate~|validating|try_out|gauge DET *3 concept|concepts|prototype|prototypes|idea|ideas|hypothesis|mockups|designs|direction', weight: 2, prio: 2 },
  // Moving meetings about, in any English.
  { cat: 'meeting_logistics', pattern: `prepone~|postpone~|push_back|pushing_back|pull_forward|pulling_forward|bring_forward|bringing_forward|shift~|rejig~ DET *2 ${MEETINGS}`, weight: 2, prio: 2 },
  { cat: 'meeting_logistics', pattern: `${MEETINGS}|demo_day|event|events|offsite|workshop|conference|training|trip schedule|schedules|timings|logistics|run_of_show|running_order|seating`, weight: 1.5, prio: 1 },
  // Leave and cover: resourcing.
  { cat: 'resourcing', pattern: "holiday|leave|pto|vacation|annual_leave|time_off|time-off|ooo|absence tracker|sheet|calendar|rota|plan|planner|dates", weight: 1.5, prio: 1 },
  { cat: 'resourcing', pattern: "everyone's_leave|everybody's_leave|people's_leave|team_leave|double-booked|double_booked|overbooked|over-allocated|overallocated", weight: 1.5 },
  // Scope that moved.
  { cat: 'change_control', pattern: "moved_the_goalposts|moving_the_goalposts|goalposts|what_changed|what's_changed|what_has_changed", weight: 1.5, prio: 1 },
  // Plans kept moving.
  { cat: 'schedule', pattern: 'keep~|kept DET *3 ticking_over|on_the_rails|moving|on_course|rolling', weight: 1.5, prio: 1 },
  { cat: 'tracker_hygiene', pattern: 'open_actions|outstanding_actions|open_action_items|outstanding_action_items|action_items_list', weight: 1.2 },
  // Deciding when to release is the product manager's call (the seeds); keeping the dates is not.
  { cat: 'roadmap', pattern: 'set|decide~|pick|choose|agree~|call|make_the_call_on DET *1 launch_date|release_date|ship_date|launch_window|release_window|go-live_date', weight: 2, prio: 3 },
  { cat: 'budget_tracking', pattern: 'forecast~ DET *3 spend|spending|budget|costs|burn|remaining', weight: 2, prio: 2 },
  { cat: 'budget_tracking', pattern: 'remaining_spend|remaining_budget|spend_remaining|budget_remaining|left_to_spend|what_we_have_left|what_is_left|what\'s_left', weight: 1.5, prio: 1 },
  { cat: 'follow_up', pattern: 'ask~|asking DET *1 design|legal|finance|eng|engineering|agency|vendor|procurement|security|it|ops|marketing|sales|data|infra for', weight: 1.5, prio: 1 },
  { cat: 'schedule', pattern: 'stagger~|space_out|spacing_out|deconflict~|de-conflict~|resequence~|re-sequence~', weight: 1.2 },
  { cat: 'status_reporting', pattern: 'status|progress one-pager|one_pager|onepager|slide|slides|page|summary|note|notes|email|deck|roundup|round-up', weight: 2, prio: 2 },
  // Words that are only a hint on their own.
  { cat: 'budget_tracking', pattern: 'billing', weight: 0.6 },
  { cat: 'schedule', pattern: 'slip~|slippage|what_moves', weight: 0.8 },
  // Ceremonies run by someone: project work (the seeds), whatever the ceremony is called.
  { cat: 'meeting_logistics', pattern: 'ran|running|led DET *2 refinement|backlog_refinement|grooming|sprint_planning|retro|retros|retrospective|standup|stand-up|sprint_review|ceremony|ceremonies', weight: 2, prio: 4 },
  { cat: 'meeting_logistics', pattern: 'facilitate~|run|host~|chair~|lead|moderate~ DET *2 refinement|backlog_refinement|grooming|backlog_grooming|sprint_planning|planning|retro|retros|retrospective|standup|stand-up|sprint_review|review|demo|showcase|kickoff|kick-off|ceremony|ceremonies', weight: 2, prio: 4 },
  { cat: 'meeting_logistics', pattern: 'block~|hold|reserve~ DET *2 calendars|calendar|diaries|diary|time_in|slots|the_slot', weight: 2, prio: 2 },
  { cat: 'meeting_logistics', pattern: 'mom|moms|minutes_of_meeting|minutes_of_the_meeting|meeting_notes', weight: 1.5 },
  // Status in everyday words.
  { cat: 'status_reporting', pattern: "state_of_delivery|state_of_play|state_of_the_project|state_of_the_programme|delivery_update|delivery_email|where-are-we|where_are_we|one-slide_update|status_email", weight: 1.5 },
  { cat: 'status_reporting', pattern: 'where DET *2 are|is|stand|stands', weight: 1.5, prio: 1 },
  // Money: forecasts, caps.
  { cat: 'budget_tracking', pattern: 'the_forecast_on|cost_forecast|spend_forecast|budget_forecast|forecast_vs|under_the_cap|over_the_cap|within_the_cap|the_cap|burned|burnt|burn_so_far|committed_vs|committed_versus', weight: 1.5, prio: 1 },
  // Chasing in everyday words.
  { cat: 'follow_up', pattern: 'keep_pushing|keep_chasing|keep_nudging|push~|pushing DET *1 eng|engineering|legal|finance|them|vendor|team|infra|design|procurement|the_client|client', weight: 1.5, prio: 1 },
  { cat: 'follow_up', pattern: 'check_with|check_in_with|confirm_with|follow_up_with|chase_up DET *2 client|clients|vendor|vendors|legal|finance|team|them|eng|engineering|infra|procurement|supplier|agency|it|security', weight: 1.5, prio: 1 },
  // Change control in everyday words.
  { cat: 'change_control', pattern: 'formal_change|a_formal_change|as_a_change|change_note|change_form|out_of_the_original_scope|outside_the_agreed_scope', weight: 1.5, prio: 1 },
  { cat: 'change_control', pattern: 'raise DET *1 change|cr', weight: 2, prio: 1 },
  // People: who goes where.
  { cat: 'resourcing', pattern: "who'd_go_where|who_would_go_where|who_goes_where|who_does_what|bodies_for|the_bodies|enough_bodies|who's_available|who_is_available|who's_free|who_from", weight: 1.5, prio: 1 },
  // Discovery in everyday words.
  { cat: 'discovery', pattern: 'sit_in_on|listen_in_on|listen_to|shadow~ DET *2 support|sales|customer|onboarding|success calls|call|sessions|tickets|reps', weight: 2, prio: 3 },
  // Tracker work: boards and task lists kept current.
  // Records of the project put into the tracker, and the tracker's own clutter.
  { cat: 'tracker_hygiene', pattern: 'actions|action_items|follow-ups|decisions|risks|dates *3 into|in|onto DET tracker|trackers|jira|asana|board|smartsheet|clickup', weight: 1.5, prio: 1 },
  { cat: 'tracker_hygiene', pattern: 'dupes|duplicate_issues|duplicate_cards|stale_issues|stale_cards|stale_tasks|stale_items|unstarted_issues|unstarted_tickets', weight: 1.5 },
  // Setting a meeting up, ordering for an event, re-forecasting money, moving dates, negotiating with a vendor.
  { cat: 'meeting_logistics', pattern: `${MEETINGS} setup|set-up|logistics|invitations`, weight: 1.5, prio: 1 },
  { cat: 'meeting_logistics', pattern: 'order~|sort~|arrange~ DET *2 swag|merch|catering|food|drinks|snacks|t-shirts|hoodies|lanyards|name_badges', weight: 2, prio: 1 },
  { cat: 'meeting_logistics', pattern: 'room|rooms|venue|badges|name_badges|catering set_up|setup|booked|printed|sorted|ordered', weight: 1.5, prio: 1 },
  { cat: 'budget_tracking', pattern: 'per_diems|per-diems|per_diem|per-diem|expense_claims|expense_reports|po_reference|po_references|po_ref|po_number|po_numbers|po_no', weight: 1.5 },
  { cat: 'budget_tracking', pattern: 'reforecast|reforecasts|re-forecast|reforecasting|re-forecasting', weight: 1.5 },
  { cat: 'schedule', pattern: 'move~|shift~|push~|pull~|slide|slid|replan~|re-plan~|re-planned|rebaseline~|re-baseline~ DET *3 dates|deadline|deadlines|milestones|go-live|go-lives|cutover|timeline|timelines', weight: 2, prio: 1 },
  { cat: 'vendor_admin', pattern: 'renewal|contract|vendor|supplier|licence|license|commercial negotiation|negotiations|terms', weight: 1.5, prio: 1 },
  { cat: 'vendor_admin', pattern: 'negotiation|negotiations', weight: 1.2 },
  { cat: 'tracker_hygiene', pattern: `${KEEP_VERBS} DET *2 board|boards|tracker|trackers|task_list|task_lists|to-do_list|todo_list|action_log|action_tracker|issue_list|punch_list`, weight: 2, prio: 1 },
];

/** The compiled lexicon, shared by every call (it is immutable). */
export const LEXICON = new PhraseMatcher<Category>([...RULES, ...CONCEPT_RULES]);

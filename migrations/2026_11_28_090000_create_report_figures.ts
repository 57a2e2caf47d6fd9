/**
 * The figures of each report's latest revision in columns: every numeric cell of tables 二/三/四 and the derived
 * indicators, one row per report, so that totals over thousands of reports are one SQL aggregation rather than a
 * loop over JSON bodies in Node. Existing reports are filled in from their latest revision.
 *
 * Why one wide row per report, not a row per cell: a province rollup adds up a few thousand reports × ~200 cells.
 * As rows per cell that is ~600,000 rows to read and group (30M rows in the table at 150,000 reports); as columns it
 * is a few thousand rows with one aggregate per column, which Postgres does in milliseconds (bench/rollup.ts).
 *
 * Frozen in time: this file imports nothing from src/, so the cells are listed literally (generated once from the
 * domain's list of cells); test/db/figures-repository.test.ts checks them against `reportCells` of both templates.
 */
import { type Kysely, sql } from 'kysely'

/**
 * Every cell a report can have: [column, path of the cell in the report body, SQL type], in document order.
 * Columns are named from the cell's JSON Pointer: table key → t2 (二, `proactive`), t3 (三, `requests`) or
 * t4 (四, `reviewLitigation`), then each segment in snake_case, joined by `__` (so the mapping is one-to-one).
 * Counts are bigint (the API accepts counts up to 2^53); amounts in 万元 are numeric, exact to 6 decimals.
 * A cell the report does not have (a 2019 cell of a 2021 report, a （六） row of the other layout) is NULL, as is a
 * blank cell: the layout columns tell them apart.
 */
export const CELLS: ReadonlyArray<readonly [string, string, 'bigint' | 'numeric']> = [
  ['t2__regulations__issued', '{proactive,regulations,issued}', 'bigint'],
  ['t2__regulations__repealed', '{proactive,regulations,repealed}', 'bigint'],
  ['t2__regulations__in_force', '{proactive,regulations,inForce}', 'bigint'],
  ['t2__normative_documents__issued', '{proactive,normativeDocuments,issued}', 'bigint'],
  ['t2__normative_documents__repealed', '{proactive,normativeDocuments,repealed}', 'bigint'],
  ['t2__normative_documents__in_force', '{proactive,normativeDocuments,inForce}', 'bigint'],
  ['t2__regulations__newly_made', '{proactive,regulations,newlyMade}', 'bigint'],
  ['t2__regulations__newly_published', '{proactive,regulations,newlyPublished}', 'bigint'],
  ['t2__regulations__total_public', '{proactive,regulations,totalPublic}', 'bigint'],
  ['t2__normative_documents__newly_made', '{proactive,normativeDocuments,newlyMade}', 'bigint'],
  ['t2__normative_documents__newly_published', '{proactive,normativeDocuments,newlyPublished}', 'bigint'],
  ['t2__normative_documents__total_public', '{proactive,normativeDocuments,totalPublic}', 'bigint'],
  ['t2__licensing__previous_items', '{proactive,licensing,previousItems}', 'bigint'],
  ['t2__licensing__change', '{proactive,licensing,change}', 'bigint'],
  ['t2__licensing__decisions', '{proactive,licensing,decisions}', 'bigint'],
  ['t2__other_services__previous_items', '{proactive,otherServices,previousItems}', 'bigint'],
  ['t2__other_services__change', '{proactive,otherServices,change}', 'bigint'],
  ['t2__other_services__decisions', '{proactive,otherServices,decisions}', 'bigint'],
  ['t2__penalties__previous_items', '{proactive,penalties,previousItems}', 'bigint'],
  ['t2__penalties__change', '{proactive,penalties,change}', 'bigint'],
  ['t2__penalties__decisions', '{proactive,penalties,decisions}', 'bigint'],
  ['t2__coercion__previous_items', '{proactive,coercion,previousItems}', 'bigint'],
  ['t2__coercion__change', '{proactive,coercion,change}', 'bigint'],
  ['t2__coercion__decisions', '{proactive,coercion,decisions}', 'bigint'],
  ['t2__fees__previous_items', '{proactive,fees,previousItems}', 'bigint'],
  ['t2__fees__change', '{proactive,fees,change}', 'bigint'],
  ['t2__procurement__projects', '{proactive,procurement,projects}', 'bigint'],
  ['t2__procurement__amount_wan', '{proactive,procurement,amountWan}', 'numeric'],
  ['t2__fees__amount_wan', '{proactive,fees,amountWan}', 'numeric'],
  ['t3__new_received__natural_person', '{requests,newReceived,naturalPerson}', 'bigint'],
  ['t3__new_received__commercial', '{requests,newReceived,commercial}', 'bigint'],
  ['t3__new_received__research', '{requests,newReceived,research}', 'bigint'],
  ['t3__new_received__social_welfare', '{requests,newReceived,socialWelfare}', 'bigint'],
  ['t3__new_received__legal_service', '{requests,newReceived,legalService}', 'bigint'],
  ['t3__new_received__other_org', '{requests,newReceived,otherOrg}', 'bigint'],
  ['t3__new_received__total', '{requests,newReceived,total}', 'bigint'],
  ['t3__carried_over__natural_person', '{requests,carriedOver,naturalPerson}', 'bigint'],
  ['t3__carried_over__commercial', '{requests,carriedOver,commercial}', 'bigint'],
  ['t3__carried_over__research', '{requests,carriedOver,research}', 'bigint'],
  ['t3__carried_over__social_welfare', '{requests,carriedOver,socialWelfare}', 'bigint'],
  ['t3__carried_over__legal_service', '{requests,carriedOver,legalService}', 'bigint'],
  ['t3__carried_over__other_org', '{requests,carriedOver,otherOrg}', 'bigint'],
  ['t3__carried_over__total', '{requests,carriedOver,total}', 'bigint'],
  ['t3__outcomes__granted__natural_person', '{requests,outcomes,granted,naturalPerson}', 'bigint'],
  ['t3__outcomes__granted__commercial', '{requests,outcomes,granted,commercial}', 'bigint'],
  ['t3__outcomes__granted__research', '{requests,outcomes,granted,research}', 'bigint'],
  ['t3__outcomes__granted__social_welfare', '{requests,outcomes,granted,socialWelfare}', 'bigint'],
  ['t3__outcomes__granted__legal_service', '{requests,outcomes,granted,legalService}', 'bigint'],
  ['t3__outcomes__granted__other_org', '{requests,outcomes,granted,otherOrg}', 'bigint'],
  ['t3__outcomes__granted__total', '{requests,outcomes,granted,total}', 'bigint'],
  ['t3__outcomes__partially_granted__natural_person', '{requests,outcomes,partiallyGranted,naturalPerson}', 'bigint'],
  ['t3__outcomes__partially_granted__commercial', '{requests,outcomes,partiallyGranted,commercial}', 'bigint'],
  ['t3__outcomes__partially_granted__research', '{requests,outcomes,partiallyGranted,research}', 'bigint'],
  ['t3__outcomes__partially_granted__social_welfare', '{requests,outcomes,partiallyGranted,socialWelfare}', 'bigint'],
  ['t3__outcomes__partially_granted__legal_service', '{requests,outcomes,partiallyGranted,legalService}', 'bigint'],
  ['t3__outcomes__partially_granted__other_org', '{requests,outcomes,partiallyGranted,otherOrg}', 'bigint'],
  ['t3__outcomes__partially_granted__total', '{requests,outcomes,partiallyGranted,total}', 'bigint'],
  ['t3__outcomes__denied__state_secret__natural_person', '{requests,outcomes,denied,stateSecret,naturalPerson}', 'bigint'],
  ['t3__outcomes__denied__state_secret__commercial', '{requests,outcomes,denied,stateSecret,commercial}', 'bigint'],
  ['t3__outcomes__denied__state_secret__research', '{requests,outcomes,denied,stateSecret,research}', 'bigint'],
  ['t3__outcomes__denied__state_secret__social_welfare', '{requests,outcomes,denied,stateSecret,socialWelfare}', 'bigint'],
  ['t3__outcomes__denied__state_secret__legal_service', '{requests,outcomes,denied,stateSecret,legalService}', 'bigint'],
  ['t3__outcomes__denied__state_secret__other_org', '{requests,outcomes,denied,stateSecret,otherOrg}', 'bigint'],
  ['t3__outcomes__denied__state_secret__total', '{requests,outcomes,denied,stateSecret,total}', 'bigint'],
  ['t3__outcomes__denied__law_prohibited__natural_person', '{requests,outcomes,denied,lawProhibited,naturalPerson}', 'bigint'],
  ['t3__outcomes__denied__law_prohibited__commercial', '{requests,outcomes,denied,lawProhibited,commercial}', 'bigint'],
  ['t3__outcomes__denied__law_prohibited__research', '{requests,outcomes,denied,lawProhibited,research}', 'bigint'],
  ['t3__outcomes__denied__law_prohibited__social_welfare', '{requests,outcomes,denied,lawProhibited,socialWelfare}', 'bigint'],
  ['t3__outcomes__denied__law_prohibited__legal_service', '{requests,outcomes,denied,lawProhibited,legalService}', 'bigint'],
  ['t3__outcomes__denied__law_prohibited__other_org', '{requests,outcomes,denied,lawProhibited,otherOrg}', 'bigint'],
  ['t3__outcomes__denied__law_prohibited__total', '{requests,outcomes,denied,lawProhibited,total}', 'bigint'],
  ['t3__outcomes__denied__security_stability__natural_person', '{requests,outcomes,denied,securityStability,naturalPerson}', 'bigint'],
  ['t3__outcomes__denied__security_stability__commercial', '{requests,outcomes,denied,securityStability,commercial}', 'bigint'],
  ['t3__outcomes__denied__security_stability__research', '{requests,outcomes,denied,securityStability,research}', 'bigint'],
  ['t3__outcomes__denied__security_stability__social_welfare', '{requests,outcomes,denied,securityStability,socialWelfare}', 'bigint'],
  ['t3__outcomes__denied__security_stability__legal_service', '{requests,outcomes,denied,securityStability,legalService}', 'bigint'],
  ['t3__outcomes__denied__security_stability__other_org', '{requests,outcomes,denied,securityStability,otherOrg}', 'bigint'],
  ['t3__outcomes__denied__security_stability__total', '{requests,outcomes,denied,securityStability,total}', 'bigint'],
  ['t3__outcomes__denied__third_party__natural_person', '{requests,outcomes,denied,thirdParty,naturalPerson}', 'bigint'],
  ['t3__outcomes__denied__third_party__commercial', '{requests,outcomes,denied,thirdParty,commercial}', 'bigint'],
  ['t3__outcomes__denied__third_party__research', '{requests,outcomes,denied,thirdParty,research}', 'bigint'],
  ['t3__outcomes__denied__third_party__social_welfare', '{requests,outcomes,denied,thirdParty,socialWelfare}', 'bigint'],
  ['t3__outcomes__denied__third_party__legal_service', '{requests,outcomes,denied,thirdParty,legalService}', 'bigint'],
  ['t3__outcomes__denied__third_party__other_org', '{requests,outcomes,denied,thirdParty,otherOrg}', 'bigint'],
  ['t3__outcomes__denied__third_party__total', '{requests,outcomes,denied,thirdParty,total}', 'bigint'],
  ['t3__outcomes__denied__internal_affairs__natural_person', '{requests,outcomes,denied,internalAffairs,naturalPerson}', 'bigint'],
  ['t3__outcomes__denied__internal_affairs__commercial', '{requests,outcomes,denied,internalAffairs,commercial}', 'bigint'],
  ['t3__outcomes__denied__internal_affairs__research', '{requests,outcomes,denied,internalAffairs,research}', 'bigint'],
  ['t3__outcomes__denied__internal_affairs__social_welfare', '{requests,outcomes,denied,internalAffairs,socialWelfare}', 'bigint'],
  ['t3__outcomes__denied__internal_affairs__legal_service', '{requests,outcomes,denied,internalAffairs,legalService}', 'bigint'],
  ['t3__outcomes__denied__internal_affairs__other_org', '{requests,outcomes,denied,internalAffairs,otherOrg}', 'bigint'],
  ['t3__outcomes__denied__internal_affairs__total', '{requests,outcomes,denied,internalAffairs,total}', 'bigint'],
  ['t3__outcomes__denied__process_info__natural_person', '{requests,outcomes,denied,processInfo,naturalPerson}', 'bigint'],
  ['t3__outcomes__denied__process_info__commercial', '{requests,outcomes,denied,processInfo,commercial}', 'bigint'],
  ['t3__outcomes__denied__process_info__research', '{requests,outcomes,denied,processInfo,research}', 'bigint'],
  ['t3__outcomes__denied__process_info__social_welfare', '{requests,outcomes,denied,processInfo,socialWelfare}', 'bigint'],
  ['t3__outcomes__denied__process_info__legal_service', '{requests,outcomes,denied,processInfo,legalService}', 'bigint'],
  ['t3__outcomes__denied__process_info__other_org', '{requests,outcomes,denied,processInfo,otherOrg}', 'bigint'],
  ['t3__outcomes__denied__process_info__total', '{requests,outcomes,denied,processInfo,total}', 'bigint'],
  ['t3__outcomes__denied__enforcement_file__natural_person', '{requests,outcomes,denied,enforcementFile,naturalPerson}', 'bigint'],
  ['t3__outcomes__denied__enforcement_file__commercial', '{requests,outcomes,denied,enforcementFile,commercial}', 'bigint'],
  ['t3__outcomes__denied__enforcement_file__research', '{requests,outcomes,denied,enforcementFile,research}', 'bigint'],
  ['t3__outcomes__denied__enforcement_file__social_welfare', '{requests,outcomes,denied,enforcementFile,socialWelfare}', 'bigint'],
  ['t3__outcomes__denied__enforcement_file__legal_service', '{requests,outcomes,denied,enforcementFile,legalService}', 'bigint'],
  ['t3__outcomes__denied__enforcement_file__other_org', '{requests,outcomes,denied,enforcementFile,otherOrg}', 'bigint'],
  ['t3__outcomes__denied__enforcement_file__total', '{requests,outcomes,denied,enforcementFile,total}', 'bigint'],
  ['t3__outcomes__denied__admin_query__natural_person', '{requests,outcomes,denied,adminQuery,naturalPerson}', 'bigint'],
  ['t3__outcomes__denied__admin_query__commercial', '{requests,outcomes,denied,adminQuery,commercial}', 'bigint'],
  ['t3__outcomes__denied__admin_query__research', '{requests,outcomes,denied,adminQuery,research}', 'bigint'],
  ['t3__outcomes__denied__admin_query__social_welfare', '{requests,outcomes,denied,adminQuery,socialWelfare}', 'bigint'],
  ['t3__outcomes__denied__admin_query__legal_service', '{requests,outcomes,denied,adminQuery,legalService}', 'bigint'],
  ['t3__outcomes__denied__admin_query__other_org', '{requests,outcomes,denied,adminQuery,otherOrg}', 'bigint'],
  ['t3__outcomes__denied__admin_query__total', '{requests,outcomes,denied,adminQuery,total}', 'bigint'],
  ['t3__outcomes__unable__not_held__natural_person', '{requests,outcomes,unable,notHeld,naturalPerson}', 'bigint'],
  ['t3__outcomes__unable__not_held__commercial', '{requests,outcomes,unable,notHeld,commercial}', 'bigint'],
  ['t3__outcomes__unable__not_held__research', '{requests,outcomes,unable,notHeld,research}', 'bigint'],
  ['t3__outcomes__unable__not_held__social_welfare', '{requests,outcomes,unable,notHeld,socialWelfare}', 'bigint'],
  ['t3__outcomes__unable__not_held__legal_service', '{requests,outcomes,unable,notHeld,legalService}', 'bigint'],
  ['t3__outcomes__unable__not_held__other_org', '{requests,outcomes,unable,notHeld,otherOrg}', 'bigint'],
  ['t3__outcomes__unable__not_held__total', '{requests,outcomes,unable,notHeld,total}', 'bigint'],
  ['t3__outcomes__unable__need_creation__natural_person', '{requests,outcomes,unable,needCreation,naturalPerson}', 'bigint'],
  ['t3__outcomes__unable__need_creation__commercial', '{requests,outcomes,unable,needCreation,commercial}', 'bigint'],
  ['t3__outcomes__unable__need_creation__research', '{requests,outcomes,unable,needCreation,research}', 'bigint'],
  ['t3__outcomes__unable__need_creation__social_welfare', '{requests,outcomes,unable,needCreation,socialWelfare}', 'bigint'],
  ['t3__outcomes__unable__need_creation__legal_service', '{requests,outcomes,unable,needCreation,legalService}', 'bigint'],
  ['t3__outcomes__unable__need_creation__other_org', '{requests,outcomes,unable,needCreation,otherOrg}', 'bigint'],
  ['t3__outcomes__unable__need_creation__total', '{requests,outcomes,unable,needCreation,total}', 'bigint'],
  ['t3__outcomes__unable__unclear__natural_person', '{requests,outcomes,unable,unclear,naturalPerson}', 'bigint'],
  ['t3__outcomes__unable__unclear__commercial', '{requests,outcomes,unable,unclear,commercial}', 'bigint'],
  ['t3__outcomes__unable__unclear__research', '{requests,outcomes,unable,unclear,research}', 'bigint'],
  ['t3__outcomes__unable__unclear__social_welfare', '{requests,outcomes,unable,unclear,socialWelfare}', 'bigint'],
  ['t3__outcomes__unable__unclear__legal_service', '{requests,outcomes,unable,unclear,legalService}', 'bigint'],
  ['t3__outcomes__unable__unclear__other_org', '{requests,outcomes,unable,unclear,otherOrg}', 'bigint'],
  ['t3__outcomes__unable__unclear__total', '{requests,outcomes,unable,unclear,total}', 'bigint'],
  ['t3__outcomes__rejected__petition__natural_person', '{requests,outcomes,rejected,petition,naturalPerson}', 'bigint'],
  ['t3__outcomes__rejected__petition__commercial', '{requests,outcomes,rejected,petition,commercial}', 'bigint'],
  ['t3__outcomes__rejected__petition__research', '{requests,outcomes,rejected,petition,research}', 'bigint'],
  ['t3__outcomes__rejected__petition__social_welfare', '{requests,outcomes,rejected,petition,socialWelfare}', 'bigint'],
  ['t3__outcomes__rejected__petition__legal_service', '{requests,outcomes,rejected,petition,legalService}', 'bigint'],
  ['t3__outcomes__rejected__petition__other_org', '{requests,outcomes,rejected,petition,otherOrg}', 'bigint'],
  ['t3__outcomes__rejected__petition__total', '{requests,outcomes,rejected,petition,total}', 'bigint'],
  ['t3__outcomes__rejected__duplicate__natural_person', '{requests,outcomes,rejected,duplicate,naturalPerson}', 'bigint'],
  ['t3__outcomes__rejected__duplicate__commercial', '{requests,outcomes,rejected,duplicate,commercial}', 'bigint'],
  ['t3__outcomes__rejected__duplicate__research', '{requests,outcomes,rejected,duplicate,research}', 'bigint'],
  ['t3__outcomes__rejected__duplicate__social_welfare', '{requests,outcomes,rejected,duplicate,socialWelfare}', 'bigint'],
  ['t3__outcomes__rejected__duplicate__legal_service', '{requests,outcomes,rejected,duplicate,legalService}', 'bigint'],
  ['t3__outcomes__rejected__duplicate__other_org', '{requests,outcomes,rejected,duplicate,otherOrg}', 'bigint'],
  ['t3__outcomes__rejected__duplicate__total', '{requests,outcomes,rejected,duplicate,total}', 'bigint'],
  ['t3__outcomes__rejected__publication__natural_person', '{requests,outcomes,rejected,publication,naturalPerson}', 'bigint'],
  ['t3__outcomes__rejected__publication__commercial', '{requests,outcomes,rejected,publication,commercial}', 'bigint'],
  ['t3__outcomes__rejected__publication__research', '{requests,outcomes,rejected,publication,research}', 'bigint'],
  ['t3__outcomes__rejected__publication__social_welfare', '{requests,outcomes,rejected,publication,socialWelfare}', 'bigint'],
  ['t3__outcomes__rejected__publication__legal_service', '{requests,outcomes,rejected,publication,legalService}', 'bigint'],
  ['t3__outcomes__rejected__publication__other_org', '{requests,outcomes,rejected,publication,otherOrg}', 'bigint'],
  ['t3__outcomes__rejected__publication__total', '{requests,outcomes,rejected,publication,total}', 'bigint'],
  ['t3__outcomes__rejected__mass_repeat__natural_person', '{requests,outcomes,rejected,massRepeat,naturalPerson}', 'bigint'],
  ['t3__outcomes__rejected__mass_repeat__commercial', '{requests,outcomes,rejected,massRepeat,commercial}', 'bigint'],
  ['t3__outcomes__rejected__mass_repeat__research', '{requests,outcomes,rejected,massRepeat,research}', 'bigint'],
  ['t3__outcomes__rejected__mass_repeat__social_welfare', '{requests,outcomes,rejected,massRepeat,socialWelfare}', 'bigint'],
  ['t3__outcomes__rejected__mass_repeat__legal_service', '{requests,outcomes,rejected,massRepeat,legalService}', 'bigint'],
  ['t3__outcomes__rejected__mass_repeat__other_org', '{requests,outcomes,rejected,massRepeat,otherOrg}', 'bigint'],
  ['t3__outcomes__rejected__mass_repeat__total', '{requests,outcomes,rejected,massRepeat,total}', 'bigint'],
  ['t3__outcomes__rejected__confirm__natural_person', '{requests,outcomes,rejected,confirm,naturalPerson}', 'bigint'],
  ['t3__outcomes__rejected__confirm__commercial', '{requests,outcomes,rejected,confirm,commercial}', 'bigint'],
  ['t3__outcomes__rejected__confirm__research', '{requests,outcomes,rejected,confirm,research}', 'bigint'],
  ['t3__outcomes__rejected__confirm__social_welfare', '{requests,outcomes,rejected,confirm,socialWelfare}', 'bigint'],
  ['t3__outcomes__rejected__confirm__legal_service', '{requests,outcomes,rejected,confirm,legalService}', 'bigint'],
  ['t3__outcomes__rejected__confirm__other_org', '{requests,outcomes,rejected,confirm,otherOrg}', 'bigint'],
  ['t3__outcomes__rejected__confirm__total', '{requests,outcomes,rejected,confirm,total}', 'bigint'],
  ['t3__outcomes__other__natural_person', '{requests,outcomes,other,naturalPerson}', 'bigint'],
  ['t3__outcomes__other__commercial', '{requests,outcomes,other,commercial}', 'bigint'],
  ['t3__outcomes__other__research', '{requests,outcomes,other,research}', 'bigint'],
  ['t3__outcomes__other__social_welfare', '{requests,outcomes,other,socialWelfare}', 'bigint'],
  ['t3__outcomes__other__legal_service', '{requests,outcomes,other,legalService}', 'bigint'],
  ['t3__outcomes__other__other_org', '{requests,outcomes,other,otherOrg}', 'bigint'],
  ['t3__outcomes__other__total', '{requests,outcomes,other,total}', 'bigint'],
  ['t3__outcomes__other__no_correction__natural_person', '{requests,outcomes,other,noCorrection,naturalPerson}', 'bigint'],
  ['t3__outcomes__other__no_correction__commercial', '{requests,outcomes,other,noCorrection,commercial}', 'bigint'],
  ['t3__outcomes__other__no_correction__research', '{requests,outcomes,other,noCorrection,research}', 'bigint'],
  ['t3__outcomes__other__no_correction__social_welfare', '{requests,outcomes,other,noCorrection,socialWelfare}', 'bigint'],
  ['t3__outcomes__other__no_correction__legal_service', '{requests,outcomes,other,noCorrection,legalService}', 'bigint'],
  ['t3__outcomes__other__no_correction__other_org', '{requests,outcomes,other,noCorrection,otherOrg}', 'bigint'],
  ['t3__outcomes__other__no_correction__total', '{requests,outcomes,other,noCorrection,total}', 'bigint'],
  ['t3__outcomes__other__fee_unpaid__natural_person', '{requests,outcomes,other,feeUnpaid,naturalPerson}', 'bigint'],
  ['t3__outcomes__other__fee_unpaid__commercial', '{requests,outcomes,other,feeUnpaid,commercial}', 'bigint'],
  ['t3__outcomes__other__fee_unpaid__research', '{requests,outcomes,other,feeUnpaid,research}', 'bigint'],
  ['t3__outcomes__other__fee_unpaid__social_welfare', '{requests,outcomes,other,feeUnpaid,socialWelfare}', 'bigint'],
  ['t3__outcomes__other__fee_unpaid__legal_service', '{requests,outcomes,other,feeUnpaid,legalService}', 'bigint'],
  ['t3__outcomes__other__fee_unpaid__other_org', '{requests,outcomes,other,feeUnpaid,otherOrg}', 'bigint'],
  ['t3__outcomes__other__fee_unpaid__total', '{requests,outcomes,other,feeUnpaid,total}', 'bigint'],
  ['t3__outcomes__other__misc__natural_person', '{requests,outcomes,other,misc,naturalPerson}', 'bigint'],
  ['t3__outcomes__other__misc__commercial', '{requests,outcomes,other,misc,commercial}', 'bigint'],
  ['t3__outcomes__other__misc__research', '{requests,outcomes,other,misc,research}', 'bigint'],
  ['t3__outcomes__other__misc__social_welfare', '{requests,outcomes,other,misc,socialWelfare}', 'bigint'],
  ['t3__outcomes__other__misc__legal_service', '{requests,outcomes,other,misc,legalService}', 'bigint'],
  ['t3__outcomes__other__misc__other_org', '{requests,outcomes,other,misc,otherOrg}', 'bigint'],
  ['t3__outcomes__other__misc__total', '{requests,outcomes,other,misc,total}', 'bigint'],
  ['t3__outcomes__total__natural_person', '{requests,outcomes,total,naturalPerson}', 'bigint'],
  ['t3__outcomes__total__commercial', '{requests,outcomes,total,commercial}', 'bigint'],
  ['t3__outcomes__total__research', '{requests,outcomes,total,research}', 'bigint'],
  ['t3__outcomes__total__social_welfare', '{requests,outcomes,total,socialWelfare}', 'bigint'],
  ['t3__outcomes__total__legal_service', '{requests,outcomes,total,legalService}', 'bigint'],
  ['t3__outcomes__total__other_org', '{requests,outcomes,total,otherOrg}', 'bigint'],
  ['t3__outcomes__total__total', '{requests,outcomes,total,total}', 'bigint'],
  ['t3__carried_forward__natural_person', '{requests,carriedForward,naturalPerson}', 'bigint'],
  ['t3__carried_forward__commercial', '{requests,carriedForward,commercial}', 'bigint'],
  ['t3__carried_forward__research', '{requests,carriedForward,research}', 'bigint'],
  ['t3__carried_forward__social_welfare', '{requests,carriedForward,socialWelfare}', 'bigint'],
  ['t3__carried_forward__legal_service', '{requests,carriedForward,legalService}', 'bigint'],
  ['t3__carried_forward__other_org', '{requests,carriedForward,otherOrg}', 'bigint'],
  ['t3__carried_forward__total', '{requests,carriedForward,total}', 'bigint'],
  ['t4__review__upheld', '{reviewLitigation,review,upheld}', 'bigint'],
  ['t4__review__corrected', '{reviewLitigation,review,corrected}', 'bigint'],
  ['t4__review__other', '{reviewLitigation,review,other}', 'bigint'],
  ['t4__review__pending', '{reviewLitigation,review,pending}', 'bigint'],
  ['t4__review__total', '{reviewLitigation,review,total}', 'bigint'],
  ['t4__suit_direct__upheld', '{reviewLitigation,suitDirect,upheld}', 'bigint'],
  ['t4__suit_direct__corrected', '{reviewLitigation,suitDirect,corrected}', 'bigint'],
  ['t4__suit_direct__other', '{reviewLitigation,suitDirect,other}', 'bigint'],
  ['t4__suit_direct__pending', '{reviewLitigation,suitDirect,pending}', 'bigint'],
  ['t4__suit_direct__total', '{reviewLitigation,suitDirect,total}', 'bigint'],
  ['t4__suit_after_review__upheld', '{reviewLitigation,suitAfterReview,upheld}', 'bigint'],
  ['t4__suit_after_review__corrected', '{reviewLitigation,suitAfterReview,corrected}', 'bigint'],
  ['t4__suit_after_review__other', '{reviewLitigation,suitAfterReview,other}', 'bigint'],
  ['t4__suit_after_review__pending', '{reviewLitigation,suitAfterReview,pending}', 'bigint'],
  ['t4__suit_after_review__total', '{reviewLitigation,suitAfterReview,total}', 'bigint']
]

/**
 * The derived indicators of one report as [column, numerator, denominator], for the backfill: each is
 * numerator ÷ denominator, or null when the denominator is not positive, blanks counting as 0 — as the domain
 * computes them (`computeIndicators`), which fills them for every report stored from now on.
 */
const INDICATORS: ReadonlyArray<readonly [string, string, string]> = [
  ['disclosure_rate', 'coalesce(t3__outcomes__granted__total, 0) + coalesce(t3__outcomes__partially_granted__total, 0)', 'coalesce(t3__outcomes__total__total, 0)'],
  ['denial_rate', 'coalesce(t3__outcomes__denied__state_secret__total, 0) + coalesce(t3__outcomes__denied__law_prohibited__total, 0) + ' +
    'coalesce(t3__outcomes__denied__security_stability__total, 0) + coalesce(t3__outcomes__denied__third_party__total, 0) + ' +
    'coalesce(t3__outcomes__denied__internal_affairs__total, 0) + coalesce(t3__outcomes__denied__process_info__total, 0) + ' +
    'coalesce(t3__outcomes__denied__enforcement_file__total, 0) + coalesce(t3__outcomes__denied__admin_query__total, 0)', 'coalesce(t3__outcomes__total__total, 0)'],
  ['not_held_share', 'coalesce(t3__outcomes__unable__not_held__total, 0)', 'coalesce(t3__outcomes__total__total, 0)'],
  ['review_correction_rate', 'coalesce(t4__review__corrected, 0)', 'coalesce(t4__review__total, 0) - coalesce(t4__review__pending, 0)'],
  ['litigation_correction_rate', 'coalesce(t4__suit_direct__corrected, 0) + coalesce(t4__suit_after_review__corrected, 0)',
    'coalesce(t4__suit_direct__total, 0) + coalesce(t4__suit_after_review__total, 0) - coalesce(t4__suit_direct__pending, 0) - coalesce(t4__suit_after_review__pending, 0)']
]

export async function up (db: Kysely<any>): Promise<void> {
  let table = db.schema
    .createTable('report_figures')
    .addColumn('report_id', 'bigint', (column) => column.primaryKey().references('report.id').onDelete('cascade'))
    .addColumn('agency_code', 'text', (column) => column.notNull())
    // "C" collation lets the btree index serve region prefixes (region_code LIKE '3305%') as a range.
    .addColumn('region_code', sql`text collate "C"`, (column) => column.notNull())
    .addColumn('year', 'integer', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull().check(sql`kind in ('agency', 'government')`))
    .addColumn('template', 'text', (column) => column.notNull().check(sql`template in ('2021', '2019')`))
    // （六）其他处理 printed as the single 2019 row (true) or the three 2021 rows (false): which t3__outcomes__other__ cells exist.
    .addColumn('single_row_other', 'boolean', (column) => column.notNull())
    // Status of the latest revision's analysis; refreshed when its findings are recomputed.
    .addColumn('status', 'text', (column) => column.notNull().check(sql`status in ('clean', 'warnings', 'errors')`))
    // The JSON Pointers of the cells printed blank. Blanks are rare, so counting them per cell by unnesting this
    // over the few reports that have any is far cheaper than a count(column) per cell over every report.
    .addColumn('blank_pointers', sql`text[]`, (column) => column.notNull().defaultTo(sql`'{}'`))
  for (const [name] of INDICATORS) table = table.addColumn(name, 'double precision')
  for (const [name, , type] of CELLS) table = table.addColumn(name, type)
  await table.execute()
  // Every rollup filters on one year and one kind, and usually a region prefix.
  await db.schema.createIndex('report_figures_scope_idx').on('report_figures').columns(['year', 'kind', 'region_code']).execute()
  await db.schema.createIndex('report_figures_blanks_idx').on('report_figures').columns(['year', 'kind', 'region_code'])
    .where(sql.ref('blank_pointers'), '!=', sql`'{}'`).execute()

  const cellValues = CELLS.map(([, path, type]) => sql`(revision.body #>> ${sql.lit(path)})::${sql.raw(type)}`)
  // A blank cell is a JSON null; a cell of the other layout is absent (SQL NULL), so not a blank.
  const blanks = CELLS.map(([, path]) => sql`case when revision.body #> ${sql.lit(path)} = 'null'::jsonb then ${sql.lit(`/${path.slice(1, -1).split(',').join('/')}`)} end`)
  await sql`
    insert into report_figures (report_id, agency_code, region_code, year, kind, template, single_row_other, status, blank_pointers, ${sql.join(CELLS.map(([name]) => sql.ref(name)))})
    select report.id, report.agency_code, report.region_code, report.year, report.kind, report.template,
      (revision.body #> '{requests,outcomes,other}') ? 'total', analysis.status, array_remove(array[${sql.join(blanks)}]::text[], null), ${sql.join(cellValues)}
    from report
    join report_revision revision on revision.report_id = report.id and revision.revision = report.current_revision
    join report_analysis analysis on analysis.report_id = report.id and analysis.revision = report.current_revision
  `.execute(db)
  await sql`update report_figures set ${sql.join(INDICATORS.map(([name, numerator, denominator]) =>
    sql`${sql.ref(name)} = case when ${sql.raw(denominator)} > 0 then (${sql.raw(numerator)})::double precision / (${sql.raw(denominator)}) end`))}`.execute(db)
}

export async function down (db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_figures').execute()
}

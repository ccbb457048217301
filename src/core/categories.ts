/**
 * The kinds of work lanekeeper tells apart. Project-management categories are what the bot nudges
 * about; product categories are what a product manager should keep their time for.
 * Ids are stable: they are stored in records and used in corpus labels and CLI output.
 */

export const PROJECT_CATEGORIES = {
  schedule: 'schedule & timeline',
  resourcing: 'resourcing & staffing',
  status_reporting: 'status reporting',
  risk_log: 'risk & issue logs',
  budget_tracking: 'budget & cost tracking',
  meeting_logistics: 'meeting logistics',
  vendor_admin: 'vendor & procurement admin',
  change_control: 'scope & change control',
  tracker_hygiene: 'tracker hygiene',
  follow_up: 'follow-ups & chasing',
} as const;

export const PRODUCT_CATEGORIES = {
  vision_strategy: 'vision & strategy',
  discovery: 'discovery & customer research',
  requirements: 'requirements & specs',
  prioritization: 'prioritisation & backlog',
  roadmap: 'roadmap & release content',
  metrics: 'metrics & experiments',
  pricing: 'pricing',
  go_to_market: 'positioning & go-to-market',
  business_case: 'business cases',
  market_analysis: 'market & competitive analysis',
} as const;

export type ProjectCategory = keyof typeof PROJECT_CATEGORIES;
export type ProductCategory = keyof typeof PRODUCT_CATEGORIES;
export type Category = ProjectCategory | ProductCategory;

export function isProjectCategory(id: string): id is ProjectCategory {
  return Object.hasOwn(PROJECT_CATEGORIES, id);
}

export function isProductCategory(id: string): id is ProductCategory {
  return Object.hasOwn(PRODUCT_CATEGORIES, id);
}

/** A person-readable label for a category id; unknown ids are returned as they are. */
export function categoryLabel(id: string): string {
  if (isProjectCategory(id)) return PROJECT_CATEGORIES[id];
  if (isProductCategory(id)) return PRODUCT_CATEGORIES[id];
  return id;
}

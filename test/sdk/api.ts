/* Generated from openapi/openapi.json by `npm run sdk:types` (openapi-typescript). Do not edit. */
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness
         * @description Answers 200 while the process runs; does not touch the database.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness
         * @description Answers 200 when the database (and the read replica, if configured) answers a query, 503 otherwise.
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * OpenAPI document
         * @description The OpenAPI 3.1 contract of this API (the same as `openapi/openapi.json` in the repository).
         */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/problems": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Problem types
         * @description A page listing every problem type (`code`, status, meaning) that errors of this API carry.
         */
        get: operations["listProblemTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/problems/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A problem type
         * @description The page a problem's `type` URI points at: what the problem means, its status and its `code`.
         */
        get: operations["getProblemType"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List reports
         * @description Reports in a stable order (by id), filtered by agency, region prefix, year, kind, template, the status of their latest revision and a rule it fails (`?status=errors&rule=T3-BALANCE` lists the reports to correct). Follow `next` (or the `Link: rel="next"` header) for the following page.
         *
         *     Public; an API key, if sent, must be valid.
         */
        get: operations["listReports"];
        put?: never;
        /**
         * Submit a report
         * @description Stores a new report under its natural key (agency code, year, kind) as revision 1. Submitting the same body again stores nothing and answers 200 with the stored report; a different body for a stored key answers 409 naming the stored report (revise it with PUT). The report is checked against every consistency rule and its prior year; its findings are stored with it and the next year's report, if stored, is re-checked against it.
         *
         *     Needs an API key with the `reports:write` scope.
         */
        post: operations["createReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a report
         * @description The latest revision of a report, or an older one with `?revision=N`. Send `If-None-Match` with a previous ETag to get 304 when nothing changed. With `Accept` preferring `text/html` to `application/json` (as a browser's does), the report is rendered as a self-contained web page in the national layout (tables 二/三/四 as on the form, the prose), with the cells of each failed rule highlighted, the findings listed and year-over-year arrows beside the numbers, for portals to embed. The page has its own ETag (suffixed `-html`); no `Accept`, `*\/*` or a tie means JSON.
         *
         *     Public; an API key, if sent, must be valid.
         */
        get: operations["getReport"];
        /**
         * Revise a report
         * @description Stores the body as the next revision. `If-Match` must carry the ETag of the latest revision you read (or `*`), so that two editors cannot overwrite each other. A body equal to the latest revision stores nothing. The agency code, year and kind cannot change.
         *
         *     Needs an API key with the `reports:write` scope.
         */
        put: operations["reviseReport"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the revisions of a report
         * @description Every stored revision of the report, oldest first. Revisions are kept forever.
         *
         *     Public; an API key, if sent, must be valid.
         */
        get: operations["listReportRevisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/{id}/findings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the findings of a report
         * @description Every finding of the latest revision (or `?revision=N`), in catalogue order, filtered by severity, rule and status. Cross-year findings are recomputed when the prior year's report is stored or revised.
         *
         *     Public; an API key, if sent, must be valid.
         */
        get: operations["listReportFindings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/{id}/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Year-over-year changes of a report
         * @description Every comparable cell of the latest revision (or `?revision=N`) against the same agency's report of the prior year, with the derived indicators. Empty, with `previous: null`, while the prior year is not stored.
         *
         *     Public; an API key, if sent, must be valid.
         */
        get: operations["getReportChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a report without storing it
         * @description Runs every consistency rule on the body, against the same agency's stored report of the prior year, and returns the findings and changes. A failed rule is a result (200), not an error; nothing is stored.
         *
         *     Public; an API key, if sent, must be valid.
         */
        post: operations["validateReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/findings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a finding
         * @description A finding with its report, revision and every reviewer decision on it.
         *
         *     Public; an API key, if sent, must be valid.
         */
        get: operations["getFinding"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Review a finding
         * @description Records a reviewer's decision with a reason. The decision follows the finding (its rule and cells) through recomputation and new revisions of the report; earlier decisions are kept as history. The key reviews findings of the reports of its agencies and regions only, as a `reports:write` key writes them (`FORBIDDEN` otherwise).
         *
         *     Needs an API key with the `findings:review` scope.
         */
        patch: operations["reviewFinding"];
        trace?: never;
    };
    "/v1/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The rule catalogue
         * @description Every consistency rule the service applies, with its severity, formula and the templates it applies to.
         *
         *     Public; an API key, if sent, must be valid.
         */
        get: operations["listRules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/{id}/parts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A government's summary against its departments
         * @description For a government's summary (`kind: government`) of region R and year N: the departments' reports (`kind: agency`) of region R and year N stored, and for each cell of tables 二, 三 and 四 (stocks left out) what they add up to against the summary. GOV-PARTS flags a cell of tables 三/四 whose parts exceed the summary; a smaller sum is only coverage (a lower bound: missing departments and units a summary counts apart).
         *
         *     Public; an API key, if sent, must be valid.
         */
        get: operations["getGovernmentParts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List agencies
         * @description Agencies with at least one stored report, by 统一社会信用代码, optionally within a region prefix.
         *
         *     Public; an API key, if sent, must be valid.
         */
        get: operations["listAgencies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read an agency
         * @description An agency and its stored reports, newest year first.
         *
         *     Public; an API key, if sent, must be valid.
         */
        get: operations["getAgency"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the change feed
         * @description Events in the order of the transactions that wrote them, each listed only once every transaction before it has finished, so that a report's revisions come in the order stored. Start without `after`, then always follow `next`: it never skips or repeats an event, even while writers commit concurrently. When `hasMore` is false you are up to date; poll `next` again later.
         *
         *     Public; an API key, if sent, must be valid.
         */
        get: operations["getFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Statistics over many reports
         * @description Adds up every table cell of the latest revisions of the reports matching a region prefix, a year, a kind and optionally a template, and does the same for the year before: counts of reports by status and template, distinct agencies, per cell its sum, its blanks (counted apart from zeros) and how many reports have it, and the derived indicators recomputed from the sums (never averaged). `changes` compares the two years cell by cell. With `groupBy`, `groups` breaks the year down by region (one level below `region`), by agency or by kind, each group with its indicators and the cells named in `cells`. Totals are kept by the service until a report is stored, revised or moved (an answer always includes every write that was committed before the request), and HTTP caches may keep them for a minute. Computing the statistics of the whole country or of a province (no `region`, or one of 2 digits) again is a heavy read: at most `HEAVY_READ_CONCURRENCY` run at once and `HEAVY_READ_QUEUE` wait; beyond that the answer is 429 `RATE_LIMITED` with `Retry-After`.
         *
         *     Public; an API key, if sent, must be valid.
         */
        get: operations["getStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exports/reports.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export reports as CSV
         * @description One row per report (its latest revision), one column per cell of tables 二, 三 and 四 of both templates (blank cells and cells of the other template are empty). UTF-8 with a byte order mark for Excel. Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is written with a single quote before it, as OWASP advises against CSV injection; the NDJSON export keeps every text exact. The header names columns by JSON Pointer, or by the form's Chinese labels with `header=labels`. Same filters as `GET /v1/reports`. Ordinary requests go first: while any is in flight, the export pauses before each 50 rows, for at most `HEAVY_READ_MAX_PAUSE_MS` (100 ms by default) each time.
         *
         *     Public; an API key, if sent, must be valid.
         *
         *     A heavy read: at most 1 run at once and 10 wait; beyond that the answer is 429 `RATE_LIMITED` with `Retry-After`.
         */
        get: operations["exportReportsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exports/reports.ndjson": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export reports as NDJSON
         * @description One line per report: the fields of `GET /v1/reports` items plus `report`, the body of its latest revision. Same filters as `GET /v1/reports`. Ordinary requests go first: while any is in flight, the export pauses before each 50 rows, for at most `HEAVY_READ_MAX_PAUSE_MS` (100 ms by default) each time.
         *
         *     Public; an API key, if sent, must be valid.
         *
         *     A heavy read: at most 1 run at once and 10 wait; beyond that the answer is 429 `RATE_LIMITED` with `Retry-After`.
         */
        get: operations["exportReportsNdjson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a published report
         * @description Reads a report as published — a PDF (`application/pdf`, with a text layer), a Word document (`.docx`), an HTML page (`text/html`), markdown (`text/markdown`), or its text (`text/plain`: text copied from a page, `pdftotext -layout` output, one cell per line, or markdown) in UTF-8, GBK or GB18030 — into the report JSON. What a body is comes from its bytes as well as its type: a body starting with `%PDF-` is read as a PDF and a ZIP archive as a Word document whatever the `Content-Type`, a body declared PDF or Word that is neither is refused (415), and `application/octet-stream` is told apart by its bytes. Answers the report, the parse record (layouts found, the source text of every cell, problems, confidence) and its findings. Query parameters supply what the text does not say. With `store=true` the report is stored as by `POST /v1/reports` and the source text is kept with the revision. A number that cannot be read is reported, never guessed: a text read in part answers `complete: false` with every cell read, and `parse.unread` lists each cell left out, why, and the source lines it was looked for in; fill those in and send the report to `POST /v1/reports`. `store=true` refuses an incomplete report (`IMPORT_INCOMPLETE`).
         *
         *     Public; an API key, if sent, must be valid.
         */
        post: operations["importReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports:bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Store many reports (NDJSON)
         * @description The body is NDJSON: one report per line, as for `POST /v1/reports`. Lines are stored in transactions of 100, as an upsert: a new agency/year/kind is `stored`, a different body for a stored one becomes its next revision (`revised`), the same body is `unchanged`; an invalid line, or one for an agency the API key may not write, is `rejected` with its problem and the others still go in. The answer streams back as NDJSON, one result per input line in input order, then a last line with the totals. Cross-year results are recomputed once per batch.
         *
         *     Needs an API key with the `reports:write` scope.
         */
        post: operations["bulkStoreReports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API keys
         * @description Every key ever created, revoked ones included, oldest first; never their secrets.
         *
         *     Needs an API key with the `admin` scope.
         */
        get: operations["listApiKeys"];
        put?: never;
        /**
         * Create an API key
         * @description Creates a key and answers it once, in `token`: only its digest is stored, so it cannot be shown again.
         *
         *     Needs an API key with the `admin` scope.
         */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API key
         * @description Revokes the key at once: requests with it get 401 from now on. The key stays listed, with `revokedAt`, so that the audit trail still names it. Revoking a revoked key changes nothing.
         *
         *     Needs an API key with the `admin` scope.
         */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/agencies/{code}/region": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Move an agency to another region
         * @description Places the agency in `regionCode` with every report of it (their `regionCode`, figures and ETags; stored revisions keep what they were sent with), and records the move with its reason in the audit trail (`agency.moved`) and each moved report in the feed (`region_changed`). A report write never moves an agency: it is refused (`AGENCY_REGION_CONFLICT`) when it names another region. This is also how an admin allows a region that disagrees with the agency's credit code (`AGENCY_REGION_MISMATCH`): an agency not stored yet is stored here with its `name`, and its reports may then be written for that region. Placing an agency where it is changes nothing.
         *
         *     Needs an API key with the `admin` scope.
         */
        put: operations["placeAgency"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the audit trail
         * @description Every write (reports stored and revised, findings reviewed, keys created and revoked, agencies moved) with the key that made it and the request id, oldest first. Filter by key, report, agency or action; follow `next` for the following page.
         *
         *     Needs an API key with the `admin` scope.
         */
        get: operations["listAuditEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * 机关
         * @description The reporting agency.
         */
        ReportAgency: {
            /**
             * 统一社会信用代码
             * Format: credit-code
             * @description Unified social credit code of the agency: 18 characters, the last one a verified check character.
             * @example 11330524MB15359635
             */
            code: string;
            /**
             * 机关名称
             * @description Full name of the agency.
             */
            name: string;
            /**
             * 行政区划代码
             * @description 6-digit administrative division code (330502 = 湖州市吴兴区).
             * @example 330502
             */
            regionCode: string;
        };
        /**
         * 发布信息
         * @description Publication metadata printed above the report; every field optional.
         */
        Publication: {
            /**
             * 索引号
             * @description Index number, e.g. 11330524MB15359635/2024-00007 (code / publication year - sequence).
             */
            indexNo?: string | null;
            /**
             * 发布机构
             * @description Publishing body, often abbreviated.
             */
            publisher?: string | null;
            /**
             * 成文日期
             * Format: date
             * @description Date the document was written. ISO 8601 date (YYYY-MM-DD).
             * @example 2024-01-31
             */
            documentDate?: string | null;
            /**
             * 发布日期
             * Format: date
             * @description Date of publication. ISO 8601 date (YYYY-MM-DD).
             * @example 2024-01-31
             */
            publishedDate?: string | null;
            /**
             * 文件编号
             * @description Document number (文号).
             */
            documentNo?: string | null;
            /**
             * 公开方式
             * @description Disclosure method, usually 主动公开.
             */
            disclosure?: string | null;
            /**
             * 公开时限
             * @description Disclosure period, usually 长期公开.
             */
            retention?: string | null;
            /**
             * 来源网址
             * @description Where the report was published.
             */
            sourceUrl?: string | null;
        };
        /**
         * 正文
         * @description The three prose sections.
         */
        Sections: {
            /**
             * 一、总体情况
             * @description Prose of section 一 (with any introduction before it). At most 50,000 characters.
             */
            overview: string;
            /**
             * 五、存在的主要问题及改进情况
             * @description Prose of section 五. At most 50,000 characters.
             */
            problems: string;
            /**
             * 六、其他需要报告的事项
             * @description Prose of section 六; must say whether 信息处理费 was charged. At most 50,000 characters.
             */
            other: string;
        };
        /**
         * 三、收到和处理政府信息公开申请情况
         * @description Table 三: requests received and handled. Identity printed on the form: 一 + 二 = 三 + 四 for every column.
         */
        Requests: {
            /**
             * 一、本年新收政府信息公开申请数量
             * @description Requests received this year. One cell per applicant column (申请人情况).
             */
            newReceived: {
                /**
                 * 一、本年新收政府信息公开申请数量（自然人）
                 * @description Natural persons.
                 */
                naturalPerson: number | null;
                /**
                 * 一、本年新收政府信息公开申请数量（商业企业）
                 * @description Legal persons or other organisations: commercial enterprises.
                 */
                commercial: number | null;
                /**
                 * 一、本年新收政府信息公开申请数量（科研机构）
                 * @description Legal persons or other organisations: research institutions.
                 */
                research: number | null;
                /**
                 * 一、本年新收政府信息公开申请数量（社会公益组织）
                 * @description Legal persons or other organisations: social welfare organisations.
                 */
                socialWelfare: number | null;
                /**
                 * 一、本年新收政府信息公开申请数量（法律服务机构）
                 * @description Legal persons or other organisations: legal service providers.
                 */
                legalService: number | null;
                /**
                 * 一、本年新收政府信息公开申请数量（其他）
                 * @description Legal persons or other organisations: others.
                 */
                otherOrg: number | null;
                /**
                 * 一、本年新收政府信息公开申请数量（总计）
                 * @description Total of the six applicant columns.
                 */
                total: number | null;
            };
            /**
             * 二、上年结转政府信息公开申请数量
             * @description Requests carried over from last year. One cell per applicant column (申请人情况).
             */
            carriedOver: {
                /**
                 * 二、上年结转政府信息公开申请数量（自然人）
                 * @description Natural persons.
                 */
                naturalPerson: number | null;
                /**
                 * 二、上年结转政府信息公开申请数量（商业企业）
                 * @description Legal persons or other organisations: commercial enterprises.
                 */
                commercial: number | null;
                /**
                 * 二、上年结转政府信息公开申请数量（科研机构）
                 * @description Legal persons or other organisations: research institutions.
                 */
                research: number | null;
                /**
                 * 二、上年结转政府信息公开申请数量（社会公益组织）
                 * @description Legal persons or other organisations: social welfare organisations.
                 */
                socialWelfare: number | null;
                /**
                 * 二、上年结转政府信息公开申请数量（法律服务机构）
                 * @description Legal persons or other organisations: legal service providers.
                 */
                legalService: number | null;
                /**
                 * 二、上年结转政府信息公开申请数量（其他）
                 * @description Legal persons or other organisations: others.
                 */
                otherOrg: number | null;
                /**
                 * 二、上年结转政府信息公开申请数量（总计）
                 * @description Total of the six applicant columns.
                 */
                total: number | null;
            };
            /**
             * 三、本年度办理结果
             * @description Outcomes of the requests handled this year.
             */
            outcomes: {
                /**
                 * （一）予以公开
                 * @description Granted. One cell per applicant column (申请人情况).
                 */
                granted: {
                    /**
                     * （一）予以公开（自然人）
                     * @description Natural persons.
                     */
                    naturalPerson: number | null;
                    /**
                     * （一）予以公开（商业企业）
                     * @description Legal persons or other organisations: commercial enterprises.
                     */
                    commercial: number | null;
                    /**
                     * （一）予以公开（科研机构）
                     * @description Legal persons or other organisations: research institutions.
                     */
                    research: number | null;
                    /**
                     * （一）予以公开（社会公益组织）
                     * @description Legal persons or other organisations: social welfare organisations.
                     */
                    socialWelfare: number | null;
                    /**
                     * （一）予以公开（法律服务机构）
                     * @description Legal persons or other organisations: legal service providers.
                     */
                    legalService: number | null;
                    /**
                     * （一）予以公开（其他）
                     * @description Legal persons or other organisations: others.
                     */
                    otherOrg: number | null;
                    /**
                     * （一）予以公开（总计）
                     * @description Total of the six applicant columns.
                     */
                    total: number | null;
                };
                /**
                 * （二）部分公开
                 * @description Partly granted (区分处理, 第三十七条; counted only here). One cell per applicant column (申请人情况).
                 */
                partiallyGranted: {
                    /**
                     * （二）部分公开（自然人）
                     * @description Natural persons.
                     */
                    naturalPerson: number | null;
                    /**
                     * （二）部分公开（商业企业）
                     * @description Legal persons or other organisations: commercial enterprises.
                     */
                    commercial: number | null;
                    /**
                     * （二）部分公开（科研机构）
                     * @description Legal persons or other organisations: research institutions.
                     */
                    research: number | null;
                    /**
                     * （二）部分公开（社会公益组织）
                     * @description Legal persons or other organisations: social welfare organisations.
                     */
                    socialWelfare: number | null;
                    /**
                     * （二）部分公开（法律服务机构）
                     * @description Legal persons or other organisations: legal service providers.
                     */
                    legalService: number | null;
                    /**
                     * （二）部分公开（其他）
                     * @description Legal persons or other organisations: others.
                     */
                    otherOrg: number | null;
                    /**
                     * （二）部分公开（总计）
                     * @description Total of the six applicant columns.
                     */
                    total: number | null;
                };
                /**
                 * （三）不予公开
                 * @description Refused (第十四、十五、十六条, 第三十六条第（七）项).
                 */
                denied: {
                    /**
                     * 1.属于国家秘密
                     * @description State secret (第十四条). One cell per applicant column (申请人情况).
                     */
                    stateSecret: {
                        /**
                         * 1.属于国家秘密（自然人）
                         * @description Natural persons.
                         */
                        naturalPerson: number | null;
                        /**
                         * 1.属于国家秘密（商业企业）
                         * @description Legal persons or other organisations: commercial enterprises.
                         */
                        commercial: number | null;
                        /**
                         * 1.属于国家秘密（科研机构）
                         * @description Legal persons or other organisations: research institutions.
                         */
                        research: number | null;
                        /**
                         * 1.属于国家秘密（社会公益组织）
                         * @description Legal persons or other organisations: social welfare organisations.
                         */
                        socialWelfare: number | null;
                        /**
                         * 1.属于国家秘密（法律服务机构）
                         * @description Legal persons or other organisations: legal service providers.
                         */
                        legalService: number | null;
                        /**
                         * 1.属于国家秘密（其他）
                         * @description Legal persons or other organisations: others.
                         */
                        otherOrg: number | null;
                        /**
                         * 1.属于国家秘密（总计）
                         * @description Total of the six applicant columns.
                         */
                        total: number | null;
                    };
                    /**
                     * 2.其他法律行政法规禁止公开
                     * @description Disclosure prohibited by other laws or regulations (第十四条). One cell per applicant column (申请人情况).
                     */
                    lawProhibited: {
                        /**
                         * 2.其他法律行政法规禁止公开（自然人）
                         * @description Natural persons.
                         */
                        naturalPerson: number | null;
                        /**
                         * 2.其他法律行政法规禁止公开（商业企业）
                         * @description Legal persons or other organisations: commercial enterprises.
                         */
                        commercial: number | null;
                        /**
                         * 2.其他法律行政法规禁止公开（科研机构）
                         * @description Legal persons or other organisations: research institutions.
                         */
                        research: number | null;
                        /**
                         * 2.其他法律行政法规禁止公开（社会公益组织）
                         * @description Legal persons or other organisations: social welfare organisations.
                         */
                        socialWelfare: number | null;
                        /**
                         * 2.其他法律行政法规禁止公开（法律服务机构）
                         * @description Legal persons or other organisations: legal service providers.
                         */
                        legalService: number | null;
                        /**
                         * 2.其他法律行政法规禁止公开（其他）
                         * @description Legal persons or other organisations: others.
                         */
                        otherOrg: number | null;
                        /**
                         * 2.其他法律行政法规禁止公开（总计）
                         * @description Total of the six applicant columns.
                         */
                        total: number | null;
                    };
                    /**
                     * 3.危及“三安全一稳定”
                     * @description Would endanger national, public or economic security or social stability (第十四条). One cell per applicant column (申请人情况).
                     */
                    securityStability: {
                        /**
                         * 3.危及“三安全一稳定”（自然人）
                         * @description Natural persons.
                         */
                        naturalPerson: number | null;
                        /**
                         * 3.危及“三安全一稳定”（商业企业）
                         * @description Legal persons or other organisations: commercial enterprises.
                         */
                        commercial: number | null;
                        /**
                         * 3.危及“三安全一稳定”（科研机构）
                         * @description Legal persons or other organisations: research institutions.
                         */
                        research: number | null;
                        /**
                         * 3.危及“三安全一稳定”（社会公益组织）
                         * @description Legal persons or other organisations: social welfare organisations.
                         */
                        socialWelfare: number | null;
                        /**
                         * 3.危及“三安全一稳定”（法律服务机构）
                         * @description Legal persons or other organisations: legal service providers.
                         */
                        legalService: number | null;
                        /**
                         * 3.危及“三安全一稳定”（其他）
                         * @description Legal persons or other organisations: others.
                         */
                        otherOrg: number | null;
                        /**
                         * 3.危及“三安全一稳定”（总计）
                         * @description Total of the six applicant columns.
                         */
                        total: number | null;
                    };
                    /**
                     * 4.保护第三方合法权益
                     * @description Protects the lawful rights of a third party (第十五条). One cell per applicant column (申请人情况).
                     */
                    thirdParty: {
                        /**
                         * 4.保护第三方合法权益（自然人）
                         * @description Natural persons.
                         */
                        naturalPerson: number | null;
                        /**
                         * 4.保护第三方合法权益（商业企业）
                         * @description Legal persons or other organisations: commercial enterprises.
                         */
                        commercial: number | null;
                        /**
                         * 4.保护第三方合法权益（科研机构）
                         * @description Legal persons or other organisations: research institutions.
                         */
                        research: number | null;
                        /**
                         * 4.保护第三方合法权益（社会公益组织）
                         * @description Legal persons or other organisations: social welfare organisations.
                         */
                        socialWelfare: number | null;
                        /**
                         * 4.保护第三方合法权益（法律服务机构）
                         * @description Legal persons or other organisations: legal service providers.
                         */
                        legalService: number | null;
                        /**
                         * 4.保护第三方合法权益（其他）
                         * @description Legal persons or other organisations: others.
                         */
                        otherOrg: number | null;
                        /**
                         * 4.保护第三方合法权益（总计）
                         * @description Total of the six applicant columns.
                         */
                        total: number | null;
                    };
                    /**
                     * 5.属于三类内部事务信息
                     * @description Internal affairs information (第十六条). One cell per applicant column (申请人情况).
                     */
                    internalAffairs: {
                        /**
                         * 5.属于三类内部事务信息（自然人）
                         * @description Natural persons.
                         */
                        naturalPerson: number | null;
                        /**
                         * 5.属于三类内部事务信息（商业企业）
                         * @description Legal persons or other organisations: commercial enterprises.
                         */
                        commercial: number | null;
                        /**
                         * 5.属于三类内部事务信息（科研机构）
                         * @description Legal persons or other organisations: research institutions.
                         */
                        research: number | null;
                        /**
                         * 5.属于三类内部事务信息（社会公益组织）
                         * @description Legal persons or other organisations: social welfare organisations.
                         */
                        socialWelfare: number | null;
                        /**
                         * 5.属于三类内部事务信息（法律服务机构）
                         * @description Legal persons or other organisations: legal service providers.
                         */
                        legalService: number | null;
                        /**
                         * 5.属于三类内部事务信息（其他）
                         * @description Legal persons or other organisations: others.
                         */
                        otherOrg: number | null;
                        /**
                         * 5.属于三类内部事务信息（总计）
                         * @description Total of the six applicant columns.
                         */
                        total: number | null;
                    };
                    /**
                     * 6.属于四类过程性信息
                     * @description Process information (第十六条). One cell per applicant column (申请人情况).
                     */
                    processInfo: {
                        /**
                         * 6.属于四类过程性信息（自然人）
                         * @description Natural persons.
                         */
                        naturalPerson: number | null;
                        /**
                         * 6.属于四类过程性信息（商业企业）
                         * @description Legal persons or other organisations: commercial enterprises.
                         */
                        commercial: number | null;
                        /**
                         * 6.属于四类过程性信息（科研机构）
                         * @description Legal persons or other organisations: research institutions.
                         */
                        research: number | null;
                        /**
                         * 6.属于四类过程性信息（社会公益组织）
                         * @description Legal persons or other organisations: social welfare organisations.
                         */
                        socialWelfare: number | null;
                        /**
                         * 6.属于四类过程性信息（法律服务机构）
                         * @description Legal persons or other organisations: legal service providers.
                         */
                        legalService: number | null;
                        /**
                         * 6.属于四类过程性信息（其他）
                         * @description Legal persons or other organisations: others.
                         */
                        otherOrg: number | null;
                        /**
                         * 6.属于四类过程性信息（总计）
                         * @description Total of the six applicant columns.
                         */
                        total: number | null;
                    };
                    /**
                     * 7.属于行政执法案卷
                     * @description Administrative enforcement case file (第十六条). One cell per applicant column (申请人情况).
                     */
                    enforcementFile: {
                        /**
                         * 7.属于行政执法案卷（自然人）
                         * @description Natural persons.
                         */
                        naturalPerson: number | null;
                        /**
                         * 7.属于行政执法案卷（商业企业）
                         * @description Legal persons or other organisations: commercial enterprises.
                         */
                        commercial: number | null;
                        /**
                         * 7.属于行政执法案卷（科研机构）
                         * @description Legal persons or other organisations: research institutions.
                         */
                        research: number | null;
                        /**
                         * 7.属于行政执法案卷（社会公益组织）
                         * @description Legal persons or other organisations: social welfare organisations.
                         */
                        socialWelfare: number | null;
                        /**
                         * 7.属于行政执法案卷（法律服务机构）
                         * @description Legal persons or other organisations: legal service providers.
                         */
                        legalService: number | null;
                        /**
                         * 7.属于行政执法案卷（其他）
                         * @description Legal persons or other organisations: others.
                         */
                        otherOrg: number | null;
                        /**
                         * 7.属于行政执法案卷（总计）
                         * @description Total of the six applicant columns.
                         */
                        total: number | null;
                    };
                    /**
                     * 8.属于行政查询事项
                     * @description Administrative query matter (第三十六条第（七）项). One cell per applicant column (申请人情况).
                     */
                    adminQuery: {
                        /**
                         * 8.属于行政查询事项（自然人）
                         * @description Natural persons.
                         */
                        naturalPerson: number | null;
                        /**
                         * 8.属于行政查询事项（商业企业）
                         * @description Legal persons or other organisations: commercial enterprises.
                         */
                        commercial: number | null;
                        /**
                         * 8.属于行政查询事项（科研机构）
                         * @description Legal persons or other organisations: research institutions.
                         */
                        research: number | null;
                        /**
                         * 8.属于行政查询事项（社会公益组织）
                         * @description Legal persons or other organisations: social welfare organisations.
                         */
                        socialWelfare: number | null;
                        /**
                         * 8.属于行政查询事项（法律服务机构）
                         * @description Legal persons or other organisations: legal service providers.
                         */
                        legalService: number | null;
                        /**
                         * 8.属于行政查询事项（其他）
                         * @description Legal persons or other organisations: others.
                         */
                        otherOrg: number | null;
                        /**
                         * 8.属于行政查询事项（总计）
                         * @description Total of the six applicant columns.
                         */
                        total: number | null;
                    };
                };
                /**
                 * （四）无法提供
                 * @description Unable to provide.
                 */
                unable: {
                    /**
                     * 1.本机关不掌握相关政府信息
                     * @description The agency does not hold the information (第三十六条第（四）（五）项). One cell per applicant column (申请人情况).
                     */
                    notHeld: {
                        /**
                         * 1.本机关不掌握相关政府信息（自然人）
                         * @description Natural persons.
                         */
                        naturalPerson: number | null;
                        /**
                         * 1.本机关不掌握相关政府信息（商业企业）
                         * @description Legal persons or other organisations: commercial enterprises.
                         */
                        commercial: number | null;
                        /**
                         * 1.本机关不掌握相关政府信息（科研机构）
                         * @description Legal persons or other organisations: research institutions.
                         */
                        research: number | null;
                        /**
                         * 1.本机关不掌握相关政府信息（社会公益组织）
                         * @description Legal persons or other organisations: social welfare organisations.
                         */
                        socialWelfare: number | null;
                        /**
                         * 1.本机关不掌握相关政府信息（法律服务机构）
                         * @description Legal persons or other organisations: legal service providers.
                         */
                        legalService: number | null;
                        /**
                         * 1.本机关不掌握相关政府信息（其他）
                         * @description Legal persons or other organisations: others.
                         */
                        otherOrg: number | null;
                        /**
                         * 1.本机关不掌握相关政府信息（总计）
                         * @description Total of the six applicant columns.
                         */
                        total: number | null;
                    };
                    /**
                     * 2.没有现成信息需要另行制作
                     * @description No existing information; it would have to be created (第三十八条). One cell per applicant column (申请人情况).
                     */
                    needCreation: {
                        /**
                         * 2.没有现成信息需要另行制作（自然人）
                         * @description Natural persons.
                         */
                        naturalPerson: number | null;
                        /**
                         * 2.没有现成信息需要另行制作（商业企业）
                         * @description Legal persons or other organisations: commercial enterprises.
                         */
                        commercial: number | null;
                        /**
                         * 2.没有现成信息需要另行制作（科研机构）
                         * @description Legal persons or other organisations: research institutions.
                         */
                        research: number | null;
                        /**
                         * 2.没有现成信息需要另行制作（社会公益组织）
                         * @description Legal persons or other organisations: social welfare organisations.
                         */
                        socialWelfare: number | null;
                        /**
                         * 2.没有现成信息需要另行制作（法律服务机构）
                         * @description Legal persons or other organisations: legal service providers.
                         */
                        legalService: number | null;
                        /**
                         * 2.没有现成信息需要另行制作（其他）
                         * @description Legal persons or other organisations: others.
                         */
                        otherOrg: number | null;
                        /**
                         * 2.没有现成信息需要另行制作（总计）
                         * @description Total of the six applicant columns.
                         */
                        total: number | null;
                    };
                    /**
                     * 3.补正后申请内容仍不明确
                     * @description Request still unclear after correction (第三十条). One cell per applicant column (申请人情况).
                     */
                    unclear: {
                        /**
                         * 3.补正后申请内容仍不明确（自然人）
                         * @description Natural persons.
                         */
                        naturalPerson: number | null;
                        /**
                         * 3.补正后申请内容仍不明确（商业企业）
                         * @description Legal persons or other organisations: commercial enterprises.
                         */
                        commercial: number | null;
                        /**
                         * 3.补正后申请内容仍不明确（科研机构）
                         * @description Legal persons or other organisations: research institutions.
                         */
                        research: number | null;
                        /**
                         * 3.补正后申请内容仍不明确（社会公益组织）
                         * @description Legal persons or other organisations: social welfare organisations.
                         */
                        socialWelfare: number | null;
                        /**
                         * 3.补正后申请内容仍不明确（法律服务机构）
                         * @description Legal persons or other organisations: legal service providers.
                         */
                        legalService: number | null;
                        /**
                         * 3.补正后申请内容仍不明确（其他）
                         * @description Legal persons or other organisations: others.
                         */
                        otherOrg: number | null;
                        /**
                         * 3.补正后申请内容仍不明确（总计）
                         * @description Total of the six applicant columns.
                         */
                        total: number | null;
                    };
                };
                /**
                 * （五）不予处理
                 * @description Not processed.
                 */
                rejected: {
                    /**
                     * 1.信访举报投诉类申请
                     * @description Petitions, reports and complaints (第三十九条). One cell per applicant column (申请人情况).
                     */
                    petition: {
                        /**
                         * 1.信访举报投诉类申请（自然人）
                         * @description Natural persons.
                         */
                        naturalPerson: number | null;
                        /**
                         * 1.信访举报投诉类申请（商业企业）
                         * @description Legal persons or other organisations: commercial enterprises.
                         */
                        commercial: number | null;
                        /**
                         * 1.信访举报投诉类申请（科研机构）
                         * @description Legal persons or other organisations: research institutions.
                         */
                        research: number | null;
                        /**
                         * 1.信访举报投诉类申请（社会公益组织）
                         * @description Legal persons or other organisations: social welfare organisations.
                         */
                        socialWelfare: number | null;
                        /**
                         * 1.信访举报投诉类申请（法律服务机构）
                         * @description Legal persons or other organisations: legal service providers.
                         */
                        legalService: number | null;
                        /**
                         * 1.信访举报投诉类申请（其他）
                         * @description Legal persons or other organisations: others.
                         */
                        otherOrg: number | null;
                        /**
                         * 1.信访举报投诉类申请（总计）
                         * @description Total of the six applicant columns.
                         */
                        total: number | null;
                    };
                    /**
                     * 2.重复申请
                     * @description Repeated request (第三十六条第（六）项). One cell per applicant column (申请人情况).
                     */
                    duplicate: {
                        /**
                         * 2.重复申请（自然人）
                         * @description Natural persons.
                         */
                        naturalPerson: number | null;
                        /**
                         * 2.重复申请（商业企业）
                         * @description Legal persons or other organisations: commercial enterprises.
                         */
                        commercial: number | null;
                        /**
                         * 2.重复申请（科研机构）
                         * @description Legal persons or other organisations: research institutions.
                         */
                        research: number | null;
                        /**
                         * 2.重复申请（社会公益组织）
                         * @description Legal persons or other organisations: social welfare organisations.
                         */
                        socialWelfare: number | null;
                        /**
                         * 2.重复申请（法律服务机构）
                         * @description Legal persons or other organisations: legal service providers.
                         */
                        legalService: number | null;
                        /**
                         * 2.重复申请（其他）
                         * @description Legal persons or other organisations: others.
                         */
                        otherOrg: number | null;
                        /**
                         * 2.重复申请（总计）
                         * @description Total of the six applicant columns.
                         */
                        total: number | null;
                    };
                    /**
                     * 3.要求提供公开出版物
                     * @description Request for a public publication (第三十九条). One cell per applicant column (申请人情况).
                     */
                    publication: {
                        /**
                         * 3.要求提供公开出版物（自然人）
                         * @description Natural persons.
                         */
                        naturalPerson: number | null;
                        /**
                         * 3.要求提供公开出版物（商业企业）
                         * @description Legal persons or other organisations: commercial enterprises.
                         */
                        commercial: number | null;
                        /**
                         * 3.要求提供公开出版物（科研机构）
                         * @description Legal persons or other organisations: research institutions.
                         */
                        research: number | null;
                        /**
                         * 3.要求提供公开出版物（社会公益组织）
                         * @description Legal persons or other organisations: social welfare organisations.
                         */
                        socialWelfare: number | null;
                        /**
                         * 3.要求提供公开出版物（法律服务机构）
                         * @description Legal persons or other organisations: legal service providers.
                         */
                        legalService: number | null;
                        /**
                         * 3.要求提供公开出版物（其他）
                         * @description Legal persons or other organisations: others.
                         */
                        otherOrg: number | null;
                        /**
                         * 3.要求提供公开出版物（总计）
                         * @description Total of the six applicant columns.
                         */
                        total: number | null;
                    };
                    /**
                     * 4.无正当理由大量反复申请
                     * @description Large numbers of repeated requests without good reason (第三十五条). One cell per applicant column (申请人情况).
                     */
                    massRepeat: {
                        /**
                         * 4.无正当理由大量反复申请（自然人）
                         * @description Natural persons.
                         */
                        naturalPerson: number | null;
                        /**
                         * 4.无正当理由大量反复申请（商业企业）
                         * @description Legal persons or other organisations: commercial enterprises.
                         */
                        commercial: number | null;
                        /**
                         * 4.无正当理由大量反复申请（科研机构）
                         * @description Legal persons or other organisations: research institutions.
                         */
                        research: number | null;
                        /**
                         * 4.无正当理由大量反复申请（社会公益组织）
                         * @description Legal persons or other organisations: social welfare organisations.
                         */
                        socialWelfare: number | null;
                        /**
                         * 4.无正当理由大量反复申请（法律服务机构）
                         * @description Legal persons or other organisations: legal service providers.
                         */
                        legalService: number | null;
                        /**
                         * 4.无正当理由大量反复申请（其他）
                         * @description Legal persons or other organisations: others.
                         */
                        otherOrg: number | null;
                        /**
                         * 4.无正当理由大量反复申请（总计）
                         * @description Total of the six applicant columns.
                         */
                        total: number | null;
                    };
                    /**
                     * 5.要求行政机关确认或重新出具已获取信息
                     * @description Request to confirm or re-issue information already obtained. One cell per applicant column (申请人情况).
                     */
                    confirm: {
                        /**
                         * 5.要求行政机关确认或重新出具已获取信息（自然人）
                         * @description Natural persons.
                         */
                        naturalPerson: number | null;
                        /**
                         * 5.要求行政机关确认或重新出具已获取信息（商业企业）
                         * @description Legal persons or other organisations: commercial enterprises.
                         */
                        commercial: number | null;
                        /**
                         * 5.要求行政机关确认或重新出具已获取信息（科研机构）
                         * @description Legal persons or other organisations: research institutions.
                         */
                        research: number | null;
                        /**
                         * 5.要求行政机关确认或重新出具已获取信息（社会公益组织）
                         * @description Legal persons or other organisations: social welfare organisations.
                         */
                        socialWelfare: number | null;
                        /**
                         * 5.要求行政机关确认或重新出具已获取信息（法律服务机构）
                         * @description Legal persons or other organisations: legal service providers.
                         */
                        legalService: number | null;
                        /**
                         * 5.要求行政机关确认或重新出具已获取信息（其他）
                         * @description Legal persons or other organisations: others.
                         */
                        otherOrg: number | null;
                        /**
                         * 5.要求行政机关确认或重新出具已获取信息（总计）
                         * @description Total of the six applicant columns.
                         */
                        total: number | null;
                    };
                };
                /**
                 * （六）其他处理
                 * @description Three rows (2021 form) or one row (2019 form). Either is accepted under either template; rule S-MIXED reports a mix.
                 */
                other: {
                    /**
                     * 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请
                     * @description Applicant did not correct the request in time (第三十条). One cell per applicant column (申请人情况).
                     */
                    noCorrection: {
                        /**
                         * 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请（自然人）
                         * @description Natural persons.
                         */
                        naturalPerson: number | null;
                        /**
                         * 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请（商业企业）
                         * @description Legal persons or other organisations: commercial enterprises.
                         */
                        commercial: number | null;
                        /**
                         * 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请（科研机构）
                         * @description Legal persons or other organisations: research institutions.
                         */
                        research: number | null;
                        /**
                         * 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请（社会公益组织）
                         * @description Legal persons or other organisations: social welfare organisations.
                         */
                        socialWelfare: number | null;
                        /**
                         * 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请（法律服务机构）
                         * @description Legal persons or other organisations: legal service providers.
                         */
                        legalService: number | null;
                        /**
                         * 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请（其他）
                         * @description Legal persons or other organisations: others.
                         */
                        otherOrg: number | null;
                        /**
                         * 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请（总计）
                         * @description Total of the six applicant columns.
                         */
                        total: number | null;
                    };
                    /**
                     * 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请
                     * @description Applicant did not pay the fee in time (第四十二条). One cell per applicant column (申请人情况).
                     */
                    feeUnpaid: {
                        /**
                         * 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请（自然人）
                         * @description Natural persons.
                         */
                        naturalPerson: number | null;
                        /**
                         * 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请（商业企业）
                         * @description Legal persons or other organisations: commercial enterprises.
                         */
                        commercial: number | null;
                        /**
                         * 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请（科研机构）
                         * @description Legal persons or other organisations: research institutions.
                         */
                        research: number | null;
                        /**
                         * 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请（社会公益组织）
                         * @description Legal persons or other organisations: social welfare organisations.
                         */
                        socialWelfare: number | null;
                        /**
                         * 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请（法律服务机构）
                         * @description Legal persons or other organisations: legal service providers.
                         */
                        legalService: number | null;
                        /**
                         * 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请（其他）
                         * @description Legal persons or other organisations: others.
                         */
                        otherOrg: number | null;
                        /**
                         * 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请（总计）
                         * @description Total of the six applicant columns.
                         */
                        total: number | null;
                    };
                    /**
                     * 3.其他
                     * @description Other handling. One cell per applicant column (申请人情况).
                     */
                    misc: {
                        /**
                         * 3.其他（自然人）
                         * @description Natural persons.
                         */
                        naturalPerson: number | null;
                        /**
                         * 3.其他（商业企业）
                         * @description Legal persons or other organisations: commercial enterprises.
                         */
                        commercial: number | null;
                        /**
                         * 3.其他（科研机构）
                         * @description Legal persons or other organisations: research institutions.
                         */
                        research: number | null;
                        /**
                         * 3.其他（社会公益组织）
                         * @description Legal persons or other organisations: social welfare organisations.
                         */
                        socialWelfare: number | null;
                        /**
                         * 3.其他（法律服务机构）
                         * @description Legal persons or other organisations: legal service providers.
                         */
                        legalService: number | null;
                        /**
                         * 3.其他（其他）
                         * @description Legal persons or other organisations: others.
                         */
                        otherOrg: number | null;
                        /**
                         * 3.其他（总计）
                         * @description Total of the six applicant columns.
                         */
                        total: number | null;
                    };
                } | {
                    /**
                     * （六）其他处理（自然人）
                     * @description Natural persons.
                     */
                    naturalPerson: number | null;
                    /**
                     * （六）其他处理（商业企业）
                     * @description Legal persons or other organisations: commercial enterprises.
                     */
                    commercial: number | null;
                    /**
                     * （六）其他处理（科研机构）
                     * @description Legal persons or other organisations: research institutions.
                     */
                    research: number | null;
                    /**
                     * （六）其他处理（社会公益组织）
                     * @description Legal persons or other organisations: social welfare organisations.
                     */
                    socialWelfare: number | null;
                    /**
                     * （六）其他处理（法律服务机构）
                     * @description Legal persons or other organisations: legal service providers.
                     */
                    legalService: number | null;
                    /**
                     * （六）其他处理（其他）
                     * @description Legal persons or other organisations: others.
                     */
                    otherOrg: number | null;
                    /**
                     * （六）其他处理（总计）
                     * @description Total of the six applicant columns.
                     */
                    total: number | null;
                };
                /**
                 * （七）总计
                 * @description Total of all outcomes. One cell per applicant column (申请人情况).
                 */
                total: {
                    /**
                     * （七）总计（自然人）
                     * @description Natural persons.
                     */
                    naturalPerson: number | null;
                    /**
                     * （七）总计（商业企业）
                     * @description Legal persons or other organisations: commercial enterprises.
                     */
                    commercial: number | null;
                    /**
                     * （七）总计（科研机构）
                     * @description Legal persons or other organisations: research institutions.
                     */
                    research: number | null;
                    /**
                     * （七）总计（社会公益组织）
                     * @description Legal persons or other organisations: social welfare organisations.
                     */
                    socialWelfare: number | null;
                    /**
                     * （七）总计（法律服务机构）
                     * @description Legal persons or other organisations: legal service providers.
                     */
                    legalService: number | null;
                    /**
                     * （七）总计（其他）
                     * @description Legal persons or other organisations: others.
                     */
                    otherOrg: number | null;
                    /**
                     * （七）总计（总计）
                     * @description Total of the six applicant columns.
                     */
                    total: number | null;
                };
            };
            /**
             * 四、结转下年度继续办理
             * @description Requests carried forward to next year (第三十三条). One cell per applicant column (申请人情况).
             */
            carriedForward: {
                /**
                 * 四、结转下年度继续办理（自然人）
                 * @description Natural persons.
                 */
                naturalPerson: number | null;
                /**
                 * 四、结转下年度继续办理（商业企业）
                 * @description Legal persons or other organisations: commercial enterprises.
                 */
                commercial: number | null;
                /**
                 * 四、结转下年度继续办理（科研机构）
                 * @description Legal persons or other organisations: research institutions.
                 */
                research: number | null;
                /**
                 * 四、结转下年度继续办理（社会公益组织）
                 * @description Legal persons or other organisations: social welfare organisations.
                 */
                socialWelfare: number | null;
                /**
                 * 四、结转下年度继续办理（法律服务机构）
                 * @description Legal persons or other organisations: legal service providers.
                 */
                legalService: number | null;
                /**
                 * 四、结转下年度继续办理（其他）
                 * @description Legal persons or other organisations: others.
                 */
                otherOrg: number | null;
                /**
                 * 四、结转下年度继续办理（总计）
                 * @description Total of the six applicant columns.
                 */
                total: number | null;
            };
        };
        /**
         * 四、政府信息公开行政复议、行政诉讼情况
         * @description Table 四: administrative reconsideration and litigation.
         */
        ReviewLitigation: {
            /**
             * 行政复议
             * @description Administrative reconsideration.
             */
            review: {
                /**
                 * 行政复议（结果维持）
                 * @description Decision upheld.
                 */
                upheld: number | null;
                /**
                 * 行政复议（结果纠正）
                 * @description Decision corrected.
                 */
                corrected: number | null;
                /**
                 * 行政复议（其他结果）
                 * @description Other result.
                 */
                other: number | null;
                /**
                 * 行政复议（尚未审结）
                 * @description Not yet concluded.
                 */
                pending: number | null;
                /**
                 * 行政复议（总计）
                 * @description Total of the group.
                 */
                total: number | null;
            };
            /**
             * 行政诉讼（未经复议直接起诉）
             * @description Lawsuits filed directly, without reconsideration.
             */
            suitDirect: {
                /**
                 * 行政诉讼（未经复议直接起诉）（结果维持）
                 * @description Decision upheld.
                 */
                upheld: number | null;
                /**
                 * 行政诉讼（未经复议直接起诉）（结果纠正）
                 * @description Decision corrected.
                 */
                corrected: number | null;
                /**
                 * 行政诉讼（未经复议直接起诉）（其他结果）
                 * @description Other result.
                 */
                other: number | null;
                /**
                 * 行政诉讼（未经复议直接起诉）（尚未审结）
                 * @description Not yet concluded.
                 */
                pending: number | null;
                /**
                 * 行政诉讼（未经复议直接起诉）（总计）
                 * @description Total of the group.
                 */
                total: number | null;
            };
            /**
             * 行政诉讼（复议后起诉）
             * @description Lawsuits filed after reconsideration.
             */
            suitAfterReview: {
                /**
                 * 行政诉讼（复议后起诉）（结果维持）
                 * @description Decision upheld.
                 */
                upheld: number | null;
                /**
                 * 行政诉讼（复议后起诉）（结果纠正）
                 * @description Decision corrected.
                 */
                corrected: number | null;
                /**
                 * 行政诉讼（复议后起诉）（其他结果）
                 * @description Other result.
                 */
                other: number | null;
                /**
                 * 行政诉讼（复议后起诉）（尚未审结）
                 * @description Not yet concluded.
                 */
                pending: number | null;
                /**
                 * 行政诉讼（复议后起诉）（总计）
                 * @description Total of the group.
                 */
                total: number | null;
            };
        };
        /**
         * 政府信息公开工作年度报告（2021年格式）
         * @description An annual report in the 2021 national template.
         */
        Report2021: {
            /**
             * 报告格式
             * @description Follows the 2021 national template.
             * @enum {string}
             */
            template: "2021";
            /**
             * 报告年度
             * @description Report year (statistics period 1 January – 31 December). From 2008 to the current year.
             * @example 2023
             */
            year: number;
            /**
             * 报告类型
             * @description `agency` = 本机关 report; `government` = 本级政府 summary of a whole jurisdiction.
             */
            kind: "agency" | "government";
            agency: components["schemas"]["ReportAgency"];
            publication?: components["schemas"]["Publication"];
            sections: components["schemas"]["Sections"];
            /**
             * 二、主动公开政府信息情况
             * @description Table 二 in the 2021 layout.
             */
            proactive: {
                /**
                 * 规章
                 * @description Documents under 第二十条第（一）项.
                 */
                regulations: {
                    /**
                     * 规章（本年制发件数）
                     * @description Issued this year.
                     */
                    issued: number | null;
                    /**
                     * 规章（本年废止件数）
                     * @description Repealed this year.
                     */
                    repealed: number | null;
                    /**
                     * 规章（现行有效件数）
                     * @description In force at year end.
                     */
                    inForce: number | null;
                };
                /**
                 * 行政规范性文件
                 * @description Documents under 第二十条第（一）项.
                 */
                normativeDocuments: {
                    /**
                     * 行政规范性文件（本年制发件数）
                     * @description Issued this year.
                     */
                    issued: number | null;
                    /**
                     * 行政规范性文件（本年废止件数）
                     * @description Repealed this year.
                     */
                    repealed: number | null;
                    /**
                     * 行政规范性文件（现行有效件数）
                     * @description In force at year end.
                     */
                    inForce: number | null;
                };
                /**
                 * 行政许可
                 * @description Decisions this year.
                 */
                licensing: {
                    /**
                     * 行政许可（本年处理决定数量）
                     * @description Decisions made this year.
                     */
                    decisions: number | null;
                };
                /**
                 * 行政处罚
                 * @description Decisions this year.
                 */
                penalties: {
                    /**
                     * 行政处罚（本年处理决定数量）
                     * @description Decisions made this year.
                     */
                    decisions: number | null;
                };
                /**
                 * 行政强制
                 * @description Decisions this year.
                 */
                coercion: {
                    /**
                     * 行政强制（本年处理决定数量）
                     * @description Decisions made this year.
                     */
                    decisions: number | null;
                };
                /**
                 * 行政事业性收费
                 * @description Fees under 第二十条第（八）项.
                 */
                fees: {
                    /**
                     * 行政事业性收费（本年收费金额）
                     * @description Administrative fees collected this year. In 万元, up to 6 decimals.
                     */
                    amountWan: number | null;
                };
            };
            requests: components["schemas"]["Requests"];
            reviewLitigation: components["schemas"]["ReviewLitigation"];
        };
        /**
         * 政府信息公开工作年度报告（2019年格式）
         * @description An annual report in the 2019 national template.
         */
        Report2019: {
            /**
             * 报告格式
             * @description Follows the 2019 national template.
             * @enum {string}
             */
            template: "2019";
            /**
             * 报告年度
             * @description Report year (statistics period 1 January – 31 December). From 2008 to the current year.
             * @example 2023
             */
            year: number;
            /**
             * 报告类型
             * @description `agency` = 本机关 report; `government` = 本级政府 summary of a whole jurisdiction.
             */
            kind: "agency" | "government";
            agency: components["schemas"]["ReportAgency"];
            publication?: components["schemas"]["Publication"];
            sections: components["schemas"]["Sections"];
            /**
             * 二、主动公开政府信息情况
             * @description Table 二 in the 2019 layout.
             */
            proactive: {
                /**
                 * 规章
                 * @description Documents under 第二十条第（一）项 (2019 layout).
                 */
                regulations: {
                    /**
                     * 规章（本年新制作数量）
                     * @description Newly made this year.
                     */
                    newlyMade: number | null;
                    /**
                     * 规章（本年新公开数量）
                     * @description Newly published this year.
                     */
                    newlyPublished: number | null;
                    /**
                     * 规章（对外公开总数量）
                     * @description Total published.
                     */
                    totalPublic: number | null;
                };
                /**
                 * 规范性文件
                 * @description Documents under 第二十条第（一）项 (2019 layout).
                 */
                normativeDocuments: {
                    /**
                     * 规范性文件（本年新制作数量）
                     * @description Newly made this year.
                     */
                    newlyMade: number | null;
                    /**
                     * 规范性文件（本年新公开数量）
                     * @description Newly published this year.
                     */
                    newlyPublished: number | null;
                    /**
                     * 规范性文件（对外公开总数量）
                     * @description Total published.
                     */
                    totalPublic: number | null;
                };
                /**
                 * 行政许可
                 * @description Items and decisions (2019 layout).
                 */
                licensing: {
                    /**
                     * 行政许可（上一年项目数量）
                     * @description Items at the end of the previous year.
                     */
                    previousItems: number | null;
                    /**
                     * 行政许可（本年增/减）
                     * @description Change this year; may be negative.
                     */
                    change: number | null;
                    /**
                     * 行政许可（处理决定数量）
                     * @description Decisions made this year.
                     */
                    decisions: number | null;
                };
                /**
                 * 其他对外管理服务事项
                 * @description Items and decisions (2019 layout).
                 */
                otherServices: {
                    /**
                     * 其他对外管理服务事项（上一年项目数量）
                     * @description Items at the end of the previous year.
                     */
                    previousItems: number | null;
                    /**
                     * 其他对外管理服务事项（本年增/减）
                     * @description Change this year; may be negative.
                     */
                    change: number | null;
                    /**
                     * 其他对外管理服务事项（处理决定数量）
                     * @description Decisions made this year.
                     */
                    decisions: number | null;
                };
                /**
                 * 行政处罚
                 * @description Items and decisions (2019 layout).
                 */
                penalties: {
                    /**
                     * 行政处罚（上一年项目数量）
                     * @description Items at the end of the previous year.
                     */
                    previousItems: number | null;
                    /**
                     * 行政处罚（本年增/减）
                     * @description Change this year; may be negative.
                     */
                    change: number | null;
                    /**
                     * 行政处罚（处理决定数量）
                     * @description Decisions made this year.
                     */
                    decisions: number | null;
                };
                /**
                 * 行政强制
                 * @description Items and decisions (2019 layout).
                 */
                coercion: {
                    /**
                     * 行政强制（上一年项目数量）
                     * @description Items at the end of the previous year.
                     */
                    previousItems: number | null;
                    /**
                     * 行政强制（本年增/减）
                     * @description Change this year; may be negative.
                     */
                    change: number | null;
                    /**
                     * 行政强制（处理决定数量）
                     * @description Decisions made this year.
                     */
                    decisions: number | null;
                };
                /**
                 * 行政事业性收费
                 * @description Fee items (2019 layout).
                 */
                fees: {
                    /**
                     * 行政事业性收费（上一年项目数量）
                     * @description Fee items at the end of the previous year.
                     */
                    previousItems: number | null;
                    /**
                     * 行政事业性收费（本年增/减）
                     * @description Change this year; may be negative.
                     */
                    change: number | null;
                };
                /**
                 * 政府集中采购
                 * @description Centralised government procurement (第二十条第（九）项).
                 */
                procurement: {
                    /**
                     * 政府集中采购（采购项目数量）
                     * @description Procurement projects.
                     */
                    projects: number | null;
                    /**
                     * 政府集中采购（采购总金额）
                     * @description Total procurement amount. In 万元, up to 6 decimals.
                     */
                    amountWan: number | null;
                };
            };
            requests: components["schemas"]["Requests"];
            reviewLitigation: components["schemas"]["ReviewLitigation"];
        };
        /** @description A stored report, without its body. */
        ReportSummary: {
            /**
             * 报告编号
             * @description Identifier of a stored report.
             */
            id: number;
            /**
             * 统一社会信用代码
             * Format: credit-code
             * @description Unified social credit code of the agency: 18 characters, the last one a verified check character.
             * @example 11330524MB15359635
             */
            agencyCode: string;
            /**
             * 机关名称
             * @description Name of the agency, as its most recent report states it.
             */
            agencyName: string;
            /**
             * 行政区划代码
             * @description 6-digit administrative division code (330502 = 湖州市吴兴区).
             * @example 330502
             */
            regionCode: string;
            /**
             * 报告年度
             * @description Report year (statistics period 1 January – 31 December). From 2008 to the current year.
             * @example 2023
             */
            year: number;
            /**
             * 报告类型
             * @description `agency` = 本机关 report; `government` = 本级政府 summary of a whole jurisdiction.
             */
            kind: "agency" | "government";
            /**
             * 报告格式
             * @description National template: 2021 (国办公开办函〔2021〕30号) or 2019 (国办公开办函〔2019〕60号).
             */
            template: "2021" | "2019";
            /**
             * 修订版本
             * @description The latest revision.
             */
            latestRevision: number;
            /**
             * Format: date-time
             * @description When the report was first stored. ISO 8601 timestamp (UTC).
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description When its latest revision was stored. ISO 8601 timestamp (UTC).
             */
            updatedAt: string;
            /** @description Result of the consistency rules on this revision; null if it was never analysed. */
            status: ("clean" | "warnings" | "errors") | null;
            /** @description Findings by severity on this revision; null if it was never analysed. */
            counts: {
                /** @description Failed rules of severity error. */
                error: number;
                /** @description Failed rules of severity warning. */
                warning: number;
                /** @description Failed rules of severity info. */
                info: number;
                /** @description Rules that could not be assessed yet. */
                notAssessable: number;
            } | null;
            /** @description URL of the report resource. */
            href: string;
        };
        /** @description A stored report with the body of one revision. */
        ReportResource: {
            /**
             * 报告编号
             * @description Identifier of a stored report.
             */
            id: number;
            /**
             * 统一社会信用代码
             * Format: credit-code
             * @description Unified social credit code of the agency: 18 characters, the last one a verified check character.
             * @example 11330524MB15359635
             */
            agencyCode: string;
            /**
             * 机关名称
             * @description Name of the agency, as its most recent report states it.
             */
            agencyName: string;
            /**
             * 行政区划代码
             * @description 6-digit administrative division code (330502 = 湖州市吴兴区).
             * @example 330502
             */
            regionCode: string;
            /**
             * 报告年度
             * @description Report year (statistics period 1 January – 31 December). From 2008 to the current year.
             * @example 2023
             */
            year: number;
            /**
             * 报告类型
             * @description `agency` = 本机关 report; `government` = 本级政府 summary of a whole jurisdiction.
             */
            kind: "agency" | "government";
            /**
             * 报告格式
             * @description National template: 2021 (国办公开办函〔2021〕30号) or 2019 (国办公开办函〔2019〕60号).
             */
            template: "2021" | "2019";
            /**
             * 修订版本
             * @description The latest revision.
             */
            latestRevision: number;
            /**
             * Format: date-time
             * @description When the report was first stored. ISO 8601 timestamp (UTC).
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description When its latest revision was stored. ISO 8601 timestamp (UTC).
             */
            updatedAt: string;
            /** @description Result of the consistency rules on this revision; null if it was never analysed. */
            status: ("clean" | "warnings" | "errors") | null;
            /** @description Findings by severity on this revision; null if it was never analysed. */
            counts: {
                /** @description Failed rules of severity error. */
                error: number;
                /** @description Failed rules of severity warning. */
                warning: number;
                /** @description Failed rules of severity info. */
                info: number;
                /** @description Rules that could not be assessed yet. */
                notAssessable: number;
            } | null;
            /**
             * 修订版本
             * @description The revision shown here.
             */
            revision: number;
            /**
             * Format: date-time
             * @description When the revision shown was stored. ISO 8601 timestamp (UTC).
             */
            revisionCreatedAt: string;
            links: {
                /** @description This revision. */
                self: string;
                /** @description The latest revision. */
                latest: string;
                /** @description All revisions. */
                revisions: string;
                /** @description Findings of this revision. */
                findings: string;
                /** @description Year-over-year changes of this revision. */
                changes: string;
                /** @description The agency. */
                agency: string;
            };
            /**
             * 政府信息公开工作年度报告
             * @description An annual report (政府信息公开工作年度报告), in the 2021 or the 2019 national template.
             */
            report: components["schemas"]["Report2021"] | components["schemas"]["Report2019"];
        };
        /** @description An agency with stored reports. */
        Agency: {
            /**
             * 统一社会信用代码
             * Format: credit-code
             * @description Unified social credit code of the agency: 18 characters, the last one a verified check character.
             * @example 11330524MB15359635
             */
            code: string;
            /**
             * 机关名称
             * @description Name as the agency's most recent report states it.
             */
            name: string;
            /**
             * 行政区划代码
             * @description 6-digit administrative division code (330502 = 湖州市吴兴区).
             * @example 330502
             */
            regionCode: string;
            /** @description Number of stored reports. */
            reportCount: number;
            /**
             * 报告年度
             * @description Earliest report year stored.
             * @example 2023
             */
            firstYear: number;
            /**
             * 报告年度
             * @description Latest report year stored.
             * @example 2023
             */
            lastYear: number;
            /** @description URL of the agency. */
            href: string;
        };
        /** @description One result of a consistency rule. */
        Finding: {
            /** @description Id of the stored finding (absent from `/v1/validate`, which stores nothing). */
            id?: number;
            /** @description The rule, e.g. `T3-BALANCE`. */
            ruleId: string;
            /** @description `error` breaks an identity printed on the form; `warning` is a plausibility check that usually means a mistake; `info` is for reviewers. */
            severity: "error" | "warning" | "info";
            /** @description `failed`: the rule was evaluated and broken. `not_assessable`: it needs data the service does not have yet (e.g. the prior year's report); it is evaluated again when that arrives. */
            status: "failed" | "not_assessable";
            /** @description 说明（中文）, naming the numbers involved. */
            message: string;
            /** @description The same in English. */
            messageEn: string;
            /** @description Every cell involved, as JSON Pointers into the report body. */
            pointers: string[];
            /** @description What the rule expected (a number, a date or a bound), or null. */
            expected: number | string | null;
            /** @description What the report says, or null. */
            actual: number | string | null;
            /** @description `actual − expected` when both are numbers. */
            difference: number | null;
            /** @description Rule-specific detail (column, quoted sentence, prior-year pointers, …). */
            context: {
                [key: string]: unknown;
            };
            /** @description Rule and cells: the same for the same finding when results are recomputed. */
            fingerprint: string;
            /** @description The latest reviewer decision; it follows the finding through recomputation and new revisions. */
            review?: {
                /** @description `acknowledged`: the finding is right and the agency is told. `dismissed`: a reviewer judged it a false alarm. */
                decision: "acknowledged" | "dismissed";
                /** @description Why, in the reviewer's words. */
                reason: string;
                /**
                 * Format: date-time
                 * @description When the decision was recorded. ISO 8601 timestamp (UTC).
                 */
                decidedAt: string;
            } | null;
        };
        /** @description Something the importer could not read cleanly. */
        ParseProblem: {
            /** @description JSON Pointer of the part concerned. */
            pointer?: string;
            /** @description `error`: the part could not be read; `warning`: read, with doubts. */
            severity: "error" | "warning";
            /** @description 说明（中文）. */
            message: string;
            /** @description The same in English. */
            messageEn: string;
        };
        /** @description A cell or required field the importer could not read: left out of the report, never guessed. */
        UnreadPart: {
            /** @description JSON Pointer of the cell or field left out of the report. */
            pointer: string;
            /** @description `not-found`: its row or table is not where it was looked for; `not-a-number`: what is printed there is no number; `value-count`: its row has the wrong number of values, so no value can be placed; `not-given`: a fact the text does not state (give it as a query parameter). */
            reason: "not-found" | "not-a-number" | "value-count" | "not-given";
            /** @description 说明（中文）. */
            message: string;
            /** @description The same in English. */
            messageEn: string;
            /** @description The source line its row was found on. */
            line?: number;
            /** @description The text printed where its value should be. */
            source?: string;
            /** @description The lines of the source it was looked for in. */
            region?: {
                /** @description First line searched. */
                fromLine: number;
                /** @description Last line searched. */
                toLine: number;
            };
        };
        /**
         * ApiKey
         * @description An API key, without its secret.
         */
        ApiKey: {
            /** @description Id of an API key. */
            id: number;
            /** @description Public part of the key (after `gdr_`), to recognise it in logs; not a secret. */
            lookupId: string;
            /** @description Who holds the key. */
            name: string;
            /** @description What the key may do; none means read only (for when reads need a key). */
            scopes: ("reports:write" | "findings:review" | "admin")[];
            /** @description Agencies whose reports a `reports:write` key may write and a `findings:review` key may review. */
            agencyCodes: string[];
            /** @description Regions whose agencies' reports a `reports:write` key may write and a `findings:review` key may review. */
            regionPrefixes: string[];
            /**
             * Format: date-time
             * @description When the key was created. ISO 8601 timestamp (UTC).
             */
            createdAt: string;
            /** @description When the key was revoked; null while it is valid. */
            revokedAt: string | null;
        };
        /**
         * AuditEntry
         * @description One write in the audit trail.
         */
        AuditEntry: {
            /** @description Position in the audit trail. */
            id: number;
            /**
             * Format: date-time
             * @description When the write was committed. ISO 8601 timestamp (UTC).
             */
            occurredAt: string;
            /** @description What was done. */
            action: "report.created" | "report.revised" | "finding.reviewed" | "key.created" | "key.revoked" | "agency.moved";
            /** @description The API key that did it; null for the command line. */
            keyId: number | null;
            /** @description Id this service gave the HTTP request, as in its logs and `x-request-id` answer; null for the command line. */
            requestId: string | null;
            /** @description The `x-request-id` the client sent, if any (logged as `clientRequestId`). */
            clientRequestId: string | null;
            /** @description The report written. */
            reportId: number | null;
            /** @description The revision stored or reviewed. */
            revision: number | null;
            /** @description The finding reviewed. */
            findingId: number | null;
            /** @description The key created or revoked. */
            subjectKeyId: number | null;
            /** @description The agency moved (`agency.moved`). */
            agencyCode: string | null;
            /** @description For `agency.moved`: from and to which region, and why. */
            details: {
                /** @description The region before; null when the agency was not stored. */
                fromRegionCode: string | null;
                /**
                 * 行政区划代码
                 * @description 6-digit administrative division code (330502 = 湖州市吴兴区).
                 * @example 330502
                 */
                toRegionCode: string;
                /** @description The admin's reason. */
                reason: string;
            } | null;
        };
        /**
         * Problem
         * @description An error, as RFC 9457 problem details (`application/problem+json`).
         */
        Problem: {
            /**
             * Format: uri-reference
             * @description URI reference identifying the problem type (relative to the service unless configured otherwise); `GET` it for its documentation.
             */
            type: string;
            /** @description Short summary of the problem type; the same for every occurrence. */
            title: string;
            /** @description HTTP status code. */
            status: number;
            /** @description Explanation specific to this occurrence. */
            detail?: string;
            /** @description The request path that produced the problem. */
            instance?: string;
            /**
             * @description Stable machine-readable code:
             *     - `VALIDATION_ERROR` (400, `validation-error`): A field has the wrong type, range or format, or is unknown. `errors` lists every offending field as a JSON Pointer.
             *     - `MALFORMED_JSON` (400, `malformed-json`): The body is not valid JSON, is empty, or is not valid UTF-8.
             *     - `NOT_A_GOVERNMENT_REPORT` (400, `not-a-government-report`): Only a government's summary (`kind: government`) has departments' reports as parts; this report is an agency's own.
             *     - `BAD_REQUEST` (400, `bad-request`): The request is malformed in another way (e.g. a bad URL or header).
             *     - `UNAUTHORIZED` (401, `unauthorized`): The operation needs an API key (`Authorization: Bearer <key>`), or the key sent is not valid (malformed, unknown or revoked).
             *     - `FORBIDDEN` (403, `forbidden`): The API key is valid but its scopes, agencies or regions do not cover this operation.
             *     - `NOT_FOUND` (404, `not-found`): No such route.
             *     - `REPORT_NOT_FOUND` (404, `report-not-found`): No report has this id.
             *     - `REVISION_NOT_FOUND` (404, `revision-not-found`): The report exists but has no such revision.
             *     - `FINDING_NOT_FOUND` (404, `finding-not-found`): No finding has this id (ids change when results are recomputed; follow the report's findings).
             *     - `PROBLEM_TYPE_NOT_FOUND` (404, `problem-type-not-found`): No problem type has this name.
             *     - `AGENCY_NOT_FOUND` (404, `agency-not-found`): No report of this agency is stored.
             *     - `API_KEY_NOT_FOUND` (404, `api-key-not-found`): No API key has this id.
             *     - `AGENCY_REGION_CONFLICT` (409, `agency-region-conflict`): The agency is stored in another region than the one sent (`storedRegionCode`); a write never moves an agency, an admin does (`PUT /v1/admin/agencies/{code}/region`).
             *     - `REPORT_EXISTS` (409, `report-exists`): A different report with the same agency, year and kind is stored; `existing` names it. Revise it with PUT.
             *     - `PRECONDITION_FAILED` (412, `precondition-failed`): The `If-Match` ETag is not the current revision: someone revised the report since you read it.
             *     - `REQUEST_TIMEOUT` (408, `request-timeout`): The request line and headers did not arrive in time, or the body arrived slower than the minimum rate (`BODY_MIN_RATE` bytes a second); the connection is closed.
             *     - `PAYLOAD_TOO_LARGE` (413, `payload-too-large`): The body exceeds the size limit.
             *     - `UNSUPPORTED_MEDIA_TYPE` (415, `unsupported-media-type`): The body is not `application/json` in UTF-8.
             *     - `REPORT_KEY_CHANGED` (422, `report-key-changed`): A revision must keep the agency code, year and kind of its report.
             *     - `REPORT_INCONSISTENT` (422, `report-inconsistent`): With `strict=true`, a rule of severity error failed; `findings` lists them and nothing was stored.
             *     - `IMPORT_UNREADABLE` (422, `import-unreadable`): Not one table cell of a report could be read from the imported text (`missing` and `parseProblems` say what was looked for). A text read in part is answered 200 with `complete: false`.
             *     - `IMPORT_INCOMPLETE` (422, `import-incomplete`): With `store=true`: cells or required fields could not be read (`missing` and `unread` list them); nothing was stored. Send the completed report to `POST /v1/reports`.
             *     - `IMPORT_INVALID` (422, `import-invalid`): The report read from the text breaks the contract (`errors` lists each field); supply missing facts as query parameters.
             *     - `IMPORT_NO_TEXT_LAYER` (422, `import-no-text-layer`): The imported PDF carries no text, only pictures of its pages (a scan): run it through OCR first, or import the report's page or text.
             *     - `IMPORT_DOCUMENT_UNREADABLE` (422, `import-document-unreadable`): The imported PDF or Word file is damaged or password-protected, or the ZIP archive sent is not a Word document (.docx).
             *     - `AGENCY_REGION_MISMATCH` (422, `agency-region-mismatch`): A new agency's region lies outside the city (first 4 digits) of the region its 统一社会信用代码 was registered in (characters 3–8, `registeredRegion`); an admin can place it there.
             *     - `AGENCY_NAME_REQUIRED` (422, `agency-name-required`): The agency is not stored yet: placing it in a region needs its `name`.
             *     - `INVALID_GRANT` (422, `invalid-grant`): The scopes, agencies and regions asked for a new key do not fit together (e.g. a `reports:write` key limited to nothing).
             *     - `IDEMPOTENCY_KEY_REUSED` (422, `idempotency-key-reused`): The `Idempotency-Key` was already used with this API key for a different request (another path or body).
             *     - `PRECONDITION_REQUIRED` (428, `precondition-required`): Updates need an `If-Match` header with the ETag of the revision you read.
             *     - `HEADERS_TOO_LARGE` (431, `headers-too-large`): The request line and headers exceed the size the server accepts; the connection is closed.
             *     - `RATE_LIMITED` (429, `rate-limited`): Too many requests from this API key or IP address; retry after `Retry-After` seconds.
             *     - `INTERNAL_ERROR` (500, `internal-error`): An unexpected error; details are logged with the request id, never sent.
             *     - `SERVICE_UNAVAILABLE` (503, `service-unavailable`): The database cannot be reached; retry after `Retry-After` seconds.
             * @enum {string}
             */
            code: "VALIDATION_ERROR" | "MALFORMED_JSON" | "NOT_A_GOVERNMENT_REPORT" | "BAD_REQUEST" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "REPORT_NOT_FOUND" | "REVISION_NOT_FOUND" | "FINDING_NOT_FOUND" | "PROBLEM_TYPE_NOT_FOUND" | "AGENCY_NOT_FOUND" | "API_KEY_NOT_FOUND" | "AGENCY_REGION_CONFLICT" | "REPORT_EXISTS" | "PRECONDITION_FAILED" | "REQUEST_TIMEOUT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "REPORT_KEY_CHANGED" | "REPORT_INCONSISTENT" | "IMPORT_UNREADABLE" | "IMPORT_INCOMPLETE" | "IMPORT_INVALID" | "IMPORT_NO_TEXT_LAYER" | "IMPORT_DOCUMENT_UNREADABLE" | "AGENCY_REGION_MISMATCH" | "AGENCY_NAME_REQUIRED" | "INVALID_GRANT" | "IDEMPOTENCY_KEY_REUSED" | "PRECONDITION_REQUIRED" | "HEADERS_TOO_LARGE" | "RATE_LIMITED" | "INTERNAL_ERROR" | "SERVICE_UNAVAILABLE";
            /** @description Id of the request, as in the `x-request-id` header and the logs. */
            requestId?: string;
            /** @description Every invalid field, for `VALIDATION_ERROR`. */
            errors?: {
                /** @description JSON Pointer (RFC 6901) to the offending value, e.g. `/requests/newReceived/total`; `""` is the whole document. */
                pointer: string;
                /** @description Which part of the request the pointer refers to. */
                location: "body" | "querystring" | "params" | "headers";
                /** @description What is wrong with the value. */
                detail: string;
            }[];
            /** @description The failed error-severity findings, for `REPORT_INCONSISTENT`. */
            findings?: components["schemas"]["Finding"][];
            /** @description JSON Pointers of the parts an import could not read, for `IMPORT_UNREADABLE` and `IMPORT_INCOMPLETE`. */
            missing?: string[];
            /** @description Each part not read, why and where it was looked for, for `IMPORT_INCOMPLETE`. */
            unread?: components["schemas"]["UnreadPart"][];
            /** @description What the importer could not read, for `IMPORT_UNREADABLE`. */
            parseProblems?: components["schemas"]["ParseProblem"][];
            /** @description The stored report that conflicts, for `REPORT_EXISTS`. */
            existing?: {
                /** @description Id of the stored report. */
                id: number;
                /** @description Its URL. */
                href: string;
                /** @description Its current revision. */
                revision: number;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alive. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description Always `ok` when answered with 200.
                         * @enum {string}
                         */
                        status: "ok";
                    };
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description Always `ok` when answered with 200.
                         * @enum {string}
                         */
                        status: "ok";
                    };
                };
            };
            /** @description The database is unreachable (`SERVICE_UNAVAILABLE`). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listProblemTypes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The list of problem types. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    getProblemType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The kebab-case code, e.g. `report-exists`. */
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The problem type. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Not a problem type slug. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such problem type (`PROBLEM_TYPE_NOT_FOUND`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listReports: {
        parameters: {
            query?: {
                /**
                 * @description Unified social credit code of the agency: 18 characters, the last one a verified check character.
                 * @example 11330524MB15359635
                 */
                agency?: string;
                /** @description A prefix of the 6-digit division code: 33 = 浙江省, 3305 = 湖州市, 330502 = 湖州市吴兴区. */
                region?: string;
                /**
                 * @description Report year.
                 * @example 2023
                 */
                year?: number;
                /** @description `agency` = 本机关 report; `government` = 本级政府 summary of a whole jurisdiction. */
                kind?: "agency" | "government";
                /** @description National template: 2021 (国办公开办函〔2021〕30号) or 2019 (国办公开办函〔2019〕60号). */
                template?: "2021" | "2019";
                /** @description `errors` when a rule of severity error failed, else `warnings` when a warning failed, else `clean` (info findings never change the status). */
                status?: "clean" | "warnings" | "errors";
                /** @description Only reports whose latest revision fails this rule. */
                rule?: "S-TEMPLATE" | "S-MIXED" | "S-PROBLEMS-EMPTY" | "V-BLANK" | "V-FEE-UNIT" | "T3-ROWSUM" | "T3-RESULTS-SUM" | "T3-BALANCE" | "T4-GROUPSUM" | "T2-INFORCE-GE-ISSUED" | "CY-CARRY" | "CY-IN-FORCE" | "CY-2019-PREV" | "CY-SWING" | "M-DEADLINE" | "M-INDEX" | "N-RECEIVED" | "N-PROCESSED" | "N-CARRIED" | "N-T3" | "N-T4" | "N-T2" | "N-PCT" | "N-YOY-CLAIM" | "N-STALE-YEAR" | "N-INTERNAL" | "N-FEE-SECTION6" | "GOV-PARTS";
                /** @description Page size, 1–500. */
                limit?: number;
                /** @description Opaque cursor from a previous page's `next` link. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of reports. */
            200: {
                headers: {
                    /** @description `<url>; rel="next"` when another page follows. */
                    link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Reports of this page. */
                        items: components["schemas"]["ReportSummary"][];
                        /** @description URL of the next page (also in the `Link` header), null on the last page. */
                        next: string | null;
                    };
                };
            };
            /** @description An unknown or invalid filter, or a cursor this API did not issue. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key sent is not valid (`UNAUTHORIZED`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`RATE_LIMITED`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error (`INTERNAL_ERROR`); details are logged, never sent. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable (`SERVICE_UNAVAILABLE`); retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createReport: {
        parameters: {
            query?: {
                /** @description When true, a report on which a rule of severity error fails is refused with 422 (`REPORT_INCONSISTENT`) and nothing is stored. By default it is stored with its findings: published reports are facts, even when wrong. */
                strict?: boolean;
            };
            header?: {
                /** @description A unique value (e.g. a UUID) per logical request, with an API key: a retry with the same key gets the first answer (marked `Idempotent-Replayed: true`) and never stores twice, even when retries race. Answers are kept 24 hours. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description An annual report (政府信息公开工作年度报告), in the 2021 or the 2019 national template. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["Report2021"] | components["schemas"]["Report2019"];
            };
        };
        responses: {
            /** @description The same body was already stored: nothing changed. */
            200: {
                headers: {
                    /** @description Entity tag of the representation; send it in `If-Match` to revise, `If-None-Match` to re-read. */
                    etag?: string;
                    /** @description URL of the report. */
                    location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportResource"];
                };
            };
            /** @description Stored as a new report. */
            201: {
                headers: {
                    /** @description Entity tag of the representation; send it in `If-Match` to revise, `If-None-Match` to re-read. */
                    etag?: string;
                    /** @description URL of the new report. */
                    location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportResource"];
                };
            };
            /** @description Malformed JSON, invalid UTF-8, or invalid fields (`errors` lists each with its JSON Pointer). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid (`UNAUTHORIZED`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key does not cover this operation (`FORBIDDEN`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another body is stored for this agency, year and kind (`REPORT_EXISTS`, with `existing`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body exceeds the size limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` in UTF-8. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description With `strict=true`: a rule of severity error failed (`REPORT_INCONSISTENT`, with `findings`). The `Idempotency-Key` was used for another request (`IDEMPOTENCY_KEY_REUSED`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`RATE_LIMITED`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error (`INTERNAL_ERROR`); details are logged, never sent. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable (`SERVICE_UNAVAILABLE`); retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReport: {
        parameters: {
            query?: {
                /** @description Revision to read; the latest when omitted. */
                revision?: number;
            };
            header?: {
                /** @description ETags the client already has. */
                "if-none-match"?: string;
            };
            path: {
                /** @description Identifier of a stored report. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report at the requested revision, as JSON or as a web page. */
            200: {
                headers: {
                    /** @description Entity tag of the representation; send it in `If-Match` to revise, `If-None-Match` to re-read. */
                    etag?: string;
                    /** @description `Accept`: the JSON and the HTML representation share this URL. */
                    vary?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportResource"];
                    "text/html": string;
                };
            };
            /** @description Not modified: the ETag in `If-None-Match` is current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Invalid id or query. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key sent is not valid (`UNAUTHORIZED`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such report (`REPORT_NOT_FOUND`) or revision (`REVISION_NOT_FOUND`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`RATE_LIMITED`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error (`INTERNAL_ERROR`); details are logged, never sent. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable (`SERVICE_UNAVAILABLE`); retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reviseReport: {
        parameters: {
            query?: {
                /** @description When true, a report on which a rule of severity error fails is refused with 422 (`REPORT_INCONSISTENT`) and nothing is stored. By default it is stored with its findings: published reports are facts, even when wrong. */
                strict?: boolean;
            };
            header?: {
                /** @description ETag of the latest revision, or `*`. */
                "if-match"?: string;
            };
            path: {
                /** @description Identifier of a stored report. */
                id: number;
            };
            cookie?: never;
        };
        /** @description An annual report (政府信息公开工作年度报告), in the 2021 or the 2019 national template. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["Report2021"] | components["schemas"]["Report2019"];
            };
        };
        responses: {
            /** @description Stored as a new revision, or unchanged when equal to the latest. */
            200: {
                headers: {
                    /** @description Entity tag of the representation; send it in `If-Match` to revise, `If-None-Match` to re-read. */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportResource"];
                };
            };
            /** @description Malformed JSON, invalid UTF-8, or invalid fields (`errors` lists each with its JSON Pointer). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid (`UNAUTHORIZED`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key does not cover this operation (`FORBIDDEN`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No report has this id (`REPORT_NOT_FOUND`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The ETag is not the latest revision's (`PRECONDITION_FAILED`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body exceeds the size limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` in UTF-8. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body names another agency, year or kind (`REPORT_KEY_CHANGED`), or with `strict=true` a rule of severity error failed (`REPORT_INCONSISTENT`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No `If-Match` header (`PRECONDITION_REQUIRED`). */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`RATE_LIMITED`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error (`INTERNAL_ERROR`); details are logged, never sent. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable (`SERVICE_UNAVAILABLE`); retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listReportRevisions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Identifier of a stored report. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revisions. */
            200: {
                headers: {
                    /** @description When the newest revision was stored. */
                    "last-modified"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * 报告编号
                         * @description Identifier of a stored report.
                         */
                        reportId: number;
                        /** @description Every revision, oldest first. */
                        items: {
                            /**
                             * 修订版本
                             * @description Revision number, 1 for the first version.
                             */
                            revision: number;
                            /**
                             * Format: date-time
                             * @description When the revision was stored. ISO 8601 timestamp (UTC).
                             */
                            createdAt: string;
                            /**
                             * 报告格式
                             * @description National template: 2021 (国办公开办函〔2021〕30号) or 2019 (国办公开办函〔2019〕60号).
                             */
                            template: "2021" | "2019";
                            /** @description URL of the report at this revision. */
                            href: string;
                        }[];
                    };
                };
            };
            /** @description Invalid id. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key sent is not valid (`UNAUTHORIZED`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No report has this id (`REPORT_NOT_FOUND`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`RATE_LIMITED`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error (`INTERNAL_ERROR`); details are logged, never sent. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable (`SERVICE_UNAVAILABLE`); retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listReportFindings: {
        parameters: {
            query?: {
                /** @description Revision whose findings to list; the latest when omitted. */
                revision?: number;
                /** @description `error` breaks an identity printed on the form; `warning` is a plausibility check that usually means a mistake; `info` is for reviewers. */
                severity?: "error" | "warning" | "info";
                /** @description A rule of the catalogue (`GET /v1/rules`). */
                rule?: "S-TEMPLATE" | "S-MIXED" | "S-PROBLEMS-EMPTY" | "V-BLANK" | "V-FEE-UNIT" | "T3-ROWSUM" | "T3-RESULTS-SUM" | "T3-BALANCE" | "T4-GROUPSUM" | "T2-INFORCE-GE-ISSUED" | "CY-CARRY" | "CY-IN-FORCE" | "CY-2019-PREV" | "CY-SWING" | "M-DEADLINE" | "M-INDEX" | "N-RECEIVED" | "N-PROCESSED" | "N-CARRIED" | "N-T3" | "N-T4" | "N-T2" | "N-PCT" | "N-YOY-CLAIM" | "N-STALE-YEAR" | "N-INTERNAL" | "N-FEE-SECTION6" | "GOV-PARTS";
                /** @description `failed`: the rule was evaluated and broken. `not_assessable`: it needs data the service does not have yet (e.g. the prior year's report); it is evaluated again when that arrives. */
                status?: "failed" | "not_assessable";
            };
            header?: never;
            path: {
                /** @description Identifier of a stored report. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The findings. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * 报告编号
                         * @description Identifier of a stored report.
                         */
                        reportId: number;
                        /**
                         * 修订版本
                         * @description The revision whose findings these are.
                         */
                        revision: number;
                        /** @description `errors` when a rule of severity error failed, else `warnings` when a warning failed, else `clean` (info findings never change the status). */
                        status: "clean" | "warnings" | "errors";
                        /** @description Findings by severity. */
                        counts: {
                            /** @description Failed rules of severity error. */
                            error: number;
                            /** @description Failed rules of severity warning. */
                            warning: number;
                            /** @description Failed rules of severity info. */
                            info: number;
                            /** @description Rules that could not be assessed yet. */
                            notAssessable: number;
                        };
                        /**
                         * Format: date-time
                         * @description When these results were computed. ISO 8601 timestamp (UTC).
                         */
                        computedAt: string;
                        /** @description The findings matching the filters, in catalogue order. */
                        items: components["schemas"]["Finding"][];
                    };
                };
            };
            /** @description Invalid id or filter. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key sent is not valid (`UNAUTHORIZED`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such report (`REPORT_NOT_FOUND`) or revision (`REVISION_NOT_FOUND`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`RATE_LIMITED`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error (`INTERNAL_ERROR`); details are logged, never sent. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable (`SERVICE_UNAVAILABLE`); retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReportChanges: {
        parameters: {
            query?: {
                /** @description Revision; the latest when omitted. */
                revision?: number;
            };
            header?: never;
            path: {
                /** @description Identifier of a stored report. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The changes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * 报告编号
                         * @description Identifier of a stored report.
                         */
                        reportId: number;
                        /**
                         * 修订版本
                         * @description The revision whose changes these are.
                         */
                        revision: number;
                        /** @description The same agency's report of the same kind for the year before, as compared; null when none is stored. */
                        previous: {
                            /**
                             * 报告编号
                             * @description Identifier of a stored report.
                             */
                            id: number;
                            /**
                             * 修订版本
                             * @description The revision compared against.
                             */
                            revision: number;
                            /**
                             * 报告年度
                             * @description The prior year.
                             * @example 2023
                             */
                            year: number;
                            /** @description URL of that revision. */
                            href: string;
                        } | null;
                        /**
                         * Format: date-time
                         * @description When these results were computed. ISO 8601 timestamp (UTC).
                         */
                        computedAt: string;
                        /** @description Tables compared; table 二 (`proactive`) is not comparable across the 2020→2021 template change. */
                        comparableTables: ("proactive" | "requests" | "reviewLitigation")[];
                        /** @description Every comparable cell. */
                        changes: {
                            /** @description JSON Pointer of the cell in both reports. */
                            pointer: string;
                            /** @description Value in the prior year (null: blank). */
                            previous: number | null;
                            /** @description Value this year (null: blank). */
                            current: number | null;
                            /** @description `current − previous`; null when either is blank. */
                            delta: number | null;
                            /** @description `delta ÷ previous`; null when previous is 0 or blank. */
                            relative: number | null;
                        }[];
                        /** @description Derived indicators in both years. */
                        indicators: {
                            /**
                             * @description disclosureRate = (予以公开 + 部分公开) ÷ 办理总计; denialRate = 不予公开 ÷ 办理总计; notHeldShare = 本机关不掌握 ÷ 办理总计; reviewCorrectionRate = 复议纠正 ÷ (复议总计 − 尚未审结); litigationCorrectionRate likewise for 行政诉讼.
                             * @enum {string}
                             */
                            name: "disclosureRate" | "denialRate" | "notHeldShare" | "reviewCorrectionRate" | "litigationCorrectionRate";
                            /** @description Prior year (null: denominator 0). */
                            previous: number | null;
                            /** @description This year (null: denominator 0). */
                            current: number | null;
                            /** @description `current − previous`. */
                            delta: number | null;
                        }[];
                    };
                };
            };
            /** @description Invalid id or query. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key sent is not valid (`UNAUTHORIZED`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such report (`REPORT_NOT_FOUND`) or revision (`REVISION_NOT_FOUND`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`RATE_LIMITED`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error (`INTERNAL_ERROR`); details are logged, never sent. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable (`SERVICE_UNAVAILABLE`); retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    validateReport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description An annual report (政府信息公开工作年度报告), in the 2021 or the 2019 national template. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["Report2021"] | components["schemas"]["Report2019"];
            };
        };
        responses: {
            /** @description The findings and changes the report would get if stored now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description `errors` when a rule of severity error failed, else `warnings` when a warning failed, else `clean` (info findings never change the status). */
                        status: "clean" | "warnings" | "errors";
                        /** @description Findings by severity. */
                        counts: {
                            /** @description Failed rules of severity error. */
                            error: number;
                            /** @description Failed rules of severity warning. */
                            warning: number;
                            /** @description Failed rules of severity info. */
                            info: number;
                            /** @description Rules that could not be assessed yet. */
                            notAssessable: number;
                        };
                        /** @description The same agency's report of the same kind for the year before, as compared; null when none is stored. */
                        previous: {
                            /**
                             * 报告编号
                             * @description Identifier of a stored report.
                             */
                            id: number;
                            /**
                             * 修订版本
                             * @description The revision compared against.
                             */
                            revision: number;
                            /**
                             * 报告年度
                             * @description The prior year.
                             * @example 2023
                             */
                            year: number;
                            /** @description URL of that revision. */
                            href: string;
                        } | null;
                        /** @description Every finding, in catalogue order. */
                        findings: components["schemas"]["Finding"][];
                        /** @description Changes against the prior year; null when it is not stored. */
                        yearOverYear: {
                            /** @description Tables compared; table 二 (`proactive`) is not comparable across the 2020→2021 template change. */
                            comparableTables: ("proactive" | "requests" | "reviewLitigation")[];
                            /** @description Every comparable cell. */
                            changes: {
                                /** @description JSON Pointer of the cell in both reports. */
                                pointer: string;
                                /** @description Value in the prior year (null: blank). */
                                previous: number | null;
                                /** @description Value this year (null: blank). */
                                current: number | null;
                                /** @description `current − previous`; null when either is blank. */
                                delta: number | null;
                                /** @description `delta ÷ previous`; null when previous is 0 or blank. */
                                relative: number | null;
                            }[];
                            /** @description Derived indicators in both years. */
                            indicators: {
                                /**
                                 * @description disclosureRate = (予以公开 + 部分公开) ÷ 办理总计; denialRate = 不予公开 ÷ 办理总计; notHeldShare = 本机关不掌握 ÷ 办理总计; reviewCorrectionRate = 复议纠正 ÷ (复议总计 − 尚未审结); litigationCorrectionRate likewise for 行政诉讼.
                                 * @enum {string}
                                 */
                                name: "disclosureRate" | "denialRate" | "notHeldShare" | "reviewCorrectionRate" | "litigationCorrectionRate";
                                /** @description Prior year (null: denominator 0). */
                                previous: number | null;
                                /** @description This year (null: denominator 0). */
                                current: number | null;
                                /** @description `current − previous`. */
                                delta: number | null;
                            }[];
                        } | null;
                    };
                };
            };
            /** @description Malformed JSON or invalid fields (`errors` lists each with its JSON Pointer). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key sent is not valid (`UNAUTHORIZED`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body exceeds the size limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` in UTF-8. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`RATE_LIMITED`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error (`INTERNAL_ERROR`); details are logged, never sent. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable (`SERVICE_UNAVAILABLE`); retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getFinding: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of a finding. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The finding and its review history. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        finding: components["schemas"]["Finding"];
                        /**
                         * 报告编号
                         * @description Identifier of a stored report.
                         */
                        reportId: number;
                        /**
                         * 修订版本
                         * @description The revision the finding belongs to.
                         */
                        revision: number;
                        /** @description Every decision on this finding, oldest first. */
                        reviews: {
                            /** @description `acknowledged`: the finding is right and the agency is told. `dismissed`: a reviewer judged it a false alarm. */
                            decision: "acknowledged" | "dismissed";
                            /** @description Why, in the reviewer's words. */
                            reason: string;
                            /**
                             * Format: date-time
                             * @description When the decision was recorded. ISO 8601 timestamp (UTC).
                             */
                            decidedAt: string;
                        }[];
                    };
                };
            };
            /** @description Invalid id or body. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key sent is not valid (`UNAUTHORIZED`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No finding has this id (`FINDING_NOT_FOUND`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`RATE_LIMITED`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error (`INTERNAL_ERROR`); details are logged, never sent. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable (`SERVICE_UNAVAILABLE`); retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reviewFinding: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of a finding. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description `acknowledged`: the finding is right and the agency is told. `dismissed`: a reviewer judged it a false alarm. */
                    decision: "acknowledged" | "dismissed";
                    /** @description Why, in the reviewer's words. */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The finding and its review history. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        finding: components["schemas"]["Finding"];
                        /**
                         * 报告编号
                         * @description Identifier of a stored report.
                         */
                        reportId: number;
                        /**
                         * 修订版本
                         * @description The revision the finding belongs to.
                         */
                        revision: number;
                        /** @description Every decision on this finding, oldest first. */
                        reviews: {
                            /** @description `acknowledged`: the finding is right and the agency is told. `dismissed`: a reviewer judged it a false alarm. */
                            decision: "acknowledged" | "dismissed";
                            /** @description Why, in the reviewer's words. */
                            reason: string;
                            /**
                             * Format: date-time
                             * @description When the decision was recorded. ISO 8601 timestamp (UTC).
                             */
                            decidedAt: string;
                        }[];
                    };
                };
            };
            /** @description Invalid id or body. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid (`UNAUTHORIZED`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key does not cover this operation (`FORBIDDEN`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No finding has this id (`FINDING_NOT_FOUND`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` in UTF-8. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`RATE_LIMITED`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error (`INTERNAL_ERROR`); details are logged, never sent. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable (`SERVICE_UNAVAILABLE`); retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The catalogue. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Stable rule id. */
                            id: string;
                            /** @description `error` breaks an identity printed on the form; `warning` is a plausibility check that usually means a mistake; `info` is for reviewers. */
                            severity: "error" | "warning" | "info";
                            /** @description 规则名称. */
                            title: string;
                            /** @description Name in English. */
                            titleEn: string;
                            /** @description The formula or check. */
                            description: string;
                            /** @description Templates it applies to. */
                            templates: ("2021" | "2019")[];
                            /** @description Needs the prior year's report (`not_assessable` without it). */
                            needsPrevious: boolean;
                        }[];
                    };
                };
            };
            /** @description The API key sent is not valid (`UNAUTHORIZED`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`RATE_LIMITED`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error (`INTERNAL_ERROR`); details are logged, never sent. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable (`SERVICE_UNAVAILABLE`); retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getGovernmentParts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Identifier of a stored report. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The parts and the coverage. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * 报告编号
                         * @description Identifier of a stored report.
                         */
                        reportId: number;
                        /**
                         * 修订版本
                         * @description The summary's revision compared (its latest).
                         */
                        revision: number;
                        /**
                         * 行政区划代码
                         * @description 6-digit administrative division code (330502 = 湖州市吴兴区).
                         * @example 330502
                         */
                        regionCode: string;
                        /**
                         * 报告年度
                         * @description Report year (statistics period 1 January – 31 December). From 2008 to the current year.
                         * @example 2023
                         */
                        year: number;
                        /** @description The parts: every agency report of the summary's region code and year. */
                        departments: {
                            /** @description Departments' reports (`kind: agency`) stored for this region and year. */
                            count: number;
                            /** @description In agency-code order. */
                            items: {
                                /**
                                 * 报告编号
                                 * @description Identifier of a stored report.
                                 */
                                reportId: number;
                                /**
                                 * 统一社会信用代码
                                 * Format: credit-code
                                 * @description Unified social credit code of the agency: 18 characters, the last one a verified check character.
                                 * @example 11330524MB15359635
                                 */
                                agencyCode: string;
                                /** @description The department's name, as its most recent report states it. */
                                agencyName: string;
                                /** @description URL of the department's report. */
                                href: string;
                            }[];
                        };
                        /** @description 本年新收政府信息公开申请数量 总计 (`/requests/newReceived/total`), as in `cells`. */
                        headline: {
                            /** @description JSON Pointer of the cell in the summary, e.g. `/requests/newReceived/total`. */
                            pointer: string;
                            /** @description The summary's cell; null when printed blank. */
                            summaryValue: number | null;
                            /** @description Σ of the cell over the stored departments' reports; a blank counts as 0. */
                            partsSum: number;
                            /** @description `partsSum ÷ summaryValue`: how much of the summary the stored parts account for. Above 1 in tables 三/四 is a GOV-PARTS finding; below 1 is expected while departments are missing (and for units a summary counts that report nowhere). Null when the summary's cell is 0 or blank. */
                            ratio: number | null;
                            /** @description The departments contributing most (positive values only), largest first. */
                            top: {
                                /**
                                 * 统一社会信用代码
                                 * Format: credit-code
                                 * @description Unified social credit code of the agency: 18 characters, the last one a verified check character.
                                 * @example 11330524MB15359635
                                 */
                                agencyCode: string;
                                /** @description The department's name, as its most recent report states it. */
                                agencyName: string;
                                /** @description The department's value in the cell. */
                                value: number;
                            }[];
                        } | null;
                        /** @description Every cell of tables 二, 三 and 四 the summary has, in document order, without the stocks (`inForce`, `totalPublic`, `previousItems`). */
                        cells: {
                            /** @description JSON Pointer of the cell in the summary, e.g. `/requests/newReceived/total`. */
                            pointer: string;
                            /** @description The summary's cell; null when printed blank. */
                            summaryValue: number | null;
                            /** @description Σ of the cell over the stored departments' reports; a blank counts as 0. */
                            partsSum: number;
                            /** @description `partsSum ÷ summaryValue`: how much of the summary the stored parts account for. Above 1 in tables 三/四 is a GOV-PARTS finding; below 1 is expected while departments are missing (and for units a summary counts that report nowhere). Null when the summary's cell is 0 or blank. */
                            ratio: number | null;
                            /** @description The departments contributing most (positive values only), largest first. */
                            top: {
                                /**
                                 * 统一社会信用代码
                                 * Format: credit-code
                                 * @description Unified social credit code of the agency: 18 characters, the last one a verified check character.
                                 * @example 11330524MB15359635
                                 */
                                agencyCode: string;
                                /** @description The department's name, as its most recent report states it. */
                                agencyName: string;
                                /** @description The department's value in the cell. */
                                value: number;
                            }[];
                        }[];
                        links: {
                            /** @description The summary. */
                            report: string;
                            /** @description The summary's GOV-PARTS findings. */
                            findings: string;
                        };
                    };
                };
            };
            /** @description Invalid id, or the report is an agency's own (`NOT_A_GOVERNMENT_REPORT`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key sent is not valid (`UNAUTHORIZED`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such report (`REPORT_NOT_FOUND`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`RATE_LIMITED`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error (`INTERNAL_ERROR`); details are logged, never sent. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable (`SERVICE_UNAVAILABLE`); retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAgencies: {
        parameters: {
            query?: {
                /** @description A prefix of the 6-digit division code: 33 = 浙江省, 3305 = 湖州市, 330502 = 湖州市吴兴区. */
                region?: string;
                /** @description Page size, 1–500. */
                limit?: number;
                /** @description Opaque cursor from a previous page's `next` link. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of agencies. */
            200: {
                headers: {
                    /** @description `<url>; rel="next"` when another page follows. */
                    link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Agencies of this page. */
                        items: components["schemas"]["Agency"][];
                        /** @description URL of the next page (also in the `Link` header), null on the last page. */
                        next: string | null;
                    };
                };
            };
            /** @description An unknown or invalid filter, or a cursor this API did not issue. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key sent is not valid (`UNAUTHORIZED`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`RATE_LIMITED`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error (`INTERNAL_ERROR`); details are logged, never sent. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable (`SERVICE_UNAVAILABLE`); retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAgency: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Unified social credit code of the agency: 18 characters, the last one a verified check character.
                 * @example 11330524MB15359635
                 */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The agency. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * 统一社会信用代码
                         * Format: credit-code
                         * @description Unified social credit code of the agency: 18 characters, the last one a verified check character.
                         * @example 11330524MB15359635
                         */
                        code: string;
                        /**
                         * 机关名称
                         * @description Name as the agency's most recent report states it.
                         */
                        name: string;
                        /**
                         * 行政区划代码
                         * @description 6-digit administrative division code (330502 = 湖州市吴兴区).
                         * @example 330502
                         */
                        regionCode: string;
                        /** @description Number of stored reports. */
                        reportCount: number;
                        /**
                         * 报告年度
                         * @description Earliest report year stored.
                         * @example 2023
                         */
                        firstYear: number;
                        /**
                         * 报告年度
                         * @description Latest report year stored.
                         * @example 2023
                         */
                        lastYear: number;
                        /** @description URL of the agency. */
                        href: string;
                        /** @description The agency's reports, newest year first. */
                        reports: {
                            /**
                             * 报告编号
                             * @description Identifier of a stored report.
                             */
                            id: number;
                            /**
                             * 报告年度
                             * @description Report year (statistics period 1 January – 31 December). From 2008 to the current year.
                             * @example 2023
                             */
                            year: number;
                            /**
                             * 报告类型
                             * @description `agency` = 本机关 report; `government` = 本级政府 summary of a whole jurisdiction.
                             */
                            kind: "agency" | "government";
                            /**
                             * 报告格式
                             * @description National template: 2021 (国办公开办函〔2021〕30号) or 2019 (国办公开办函〔2019〕60号).
                             */
                            template: "2021" | "2019";
                            /**
                             * 修订版本
                             * @description The latest revision.
                             */
                            latestRevision: number;
                            /**
                             * Format: date-time
                             * @description When its latest revision was stored. ISO 8601 timestamp (UTC).
                             */
                            updatedAt: string;
                            /** @description URL of the report. */
                            href: string;
                        }[];
                    };
                };
            };
            /** @description Not a valid 统一社会信用代码. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key sent is not valid (`UNAUTHORIZED`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No report of this agency is stored (`AGENCY_NOT_FOUND`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`RATE_LIMITED`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error (`INTERNAL_ERROR`); details are logged, never sent. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable (`SERVICE_UNAVAILABLE`); retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getFeed: {
        parameters: {
            query?: {
                /** @description Opaque cursor from a previous page's `next` link. */
                after?: string;
                /** @description Events per page, 1–1000. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description The event's number, unique, given as it is written. It need not increase along the feed: a write that began before another and committed after it is listed first, with the higher numbers. */
                            sequence: number;
                            /** @description `revision_stored`: a report or a new revision was stored. `findings_recomputed`: a report's findings and changes were recomputed because its prior year was stored or revised. `region_changed`: an admin moved the report's agency to another region (the report's `regionCode` changed; its revisions did not). */
                            type: "revision_stored" | "findings_recomputed" | "region_changed";
                            /**
                             * 报告编号
                             * @description Identifier of a stored report.
                             */
                            reportId: number;
                            /**
                             * 修订版本
                             * @description The revision concerned.
                             */
                            revision: number;
                            /**
                             * 统一社会信用代码
                             * Format: credit-code
                             * @description Unified social credit code of the agency: 18 characters, the last one a verified check character.
                             * @example 11330524MB15359635
                             */
                            agencyCode: string;
                            /**
                             * 报告年度
                             * @description Report year (statistics period 1 January – 31 December). From 2008 to the current year.
                             * @example 2023
                             */
                            year: number;
                            /**
                             * 报告类型
                             * @description `agency` = 本机关 report; `government` = 本级政府 summary of a whole jurisdiction.
                             */
                            kind: "agency" | "government";
                            /** @description Status of that revision now (it may have been recomputed since). */
                            status: ("clean" | "warnings" | "errors") | null;
                            /**
                             * Format: date-time
                             * @description When the change was committed. ISO 8601 timestamp (UTC).
                             */
                            occurredAt: string;
                            /** @description URL of the report at that revision. */
                            href: string;
                        }[];
                        /** @description URL to poll for the events after this page (the same position when the page is empty). */
                        next: string;
                        /** @description More events are already available at `next`. */
                        hasMore: boolean;
                    };
                };
            };
            /** @description An invalid limit or a cursor this API did not issue. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key sent is not valid (`UNAUTHORIZED`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`RATE_LIMITED`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error (`INTERNAL_ERROR`); details are logged, never sent. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable (`SERVICE_UNAVAILABLE`); retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getStats: {
        parameters: {
            query: {
                /** @description A prefix of the 6-digit division code: 33 = 浙江省, 3305 = 湖州市, 330502 = 湖州市吴兴区. */
                region?: string;
                /**
                 * @description Report year to roll up; the year before is rolled up alongside and compared.
                 * @example 2023
                 */
                year: number;
                /** @description `agency` = 本机关 reports (default); `government` = 本级政府 summaries. The two kinds are never added together. */
                kind?: "agency" | "government";
                /** @description Only reports on this national template (both when omitted). */
                template?: "2021" | "2019";
                /** @description Break the rollup down by `region` (one level below `region`: provinces without it, cities under a province, counties under a city, the 6-digit code under a county), by `agency` (needs `region`), or by `kind`: one group of the departments' own reports (`agency`) and one of the governments' summaries (`government`) of the region and year, side by side whatever `kind` is, since a summary already counts its departments. */
                groupBy?: "region" | "agency" | "kind";
                /** @description With `groupBy`: the cells each group carries, as comma-separated JSON Pointers (e.g. `/requests/newReceived/total,/reviewLitigation/review/total`). Default: the headline totals (`/requests/newReceived/total`, `/requests/carriedOver/total`, `/requests/outcomes/granted/total`, `/requests/outcomes/partiallyGranted/total`, `/requests/outcomes/total/total`, `/requests/carriedForward/total`, `/reviewLitigation/review/total`, `/reviewLitigation/suitDirect/total`, `/reviewLitigation/suitAfterReview/total`). The rollups of the whole selection always carry every cell. */
                cells?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rollups, their changes and the breakdown. */
            200: {
                headers: {
                    /** @description `public, max-age=60`: totals may be a minute old. */
                    "cache-control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The selection, with defaults applied. */
                        filters: {
                            /** @description The region prefix, or null for the whole country. */
                            region: string | null;
                            /**
                             * 报告年度
                             * @description The report year.
                             * @example 2023
                             */
                            year: number;
                            /**
                             * 报告类型
                             * @description `agency` = 本机关 report; `government` = 本级政府 summary of a whole jurisdiction.
                             */
                            kind: "agency" | "government";
                            /** @description The template filter, or null for both. */
                            template: ("2021" | "2019") | null;
                            /** @description The breakdown, or null for none. */
                            groupBy: ("region" | "agency" | "kind") | null;
                            /** @description The cells each group carries (empty without `groupBy`). */
                            cells: string[];
                        };
                        /**
                         * Rollup
                         * @description The matching reports of one year, added up.
                         */
                        current: {
                            /**
                             * 报告年度
                             * @description The report year rolled up.
                             * @example 2023
                             */
                            year: number;
                            /** @description Matching reports (their latest revisions). */
                            reports: number;
                            /** @description Distinct agencies among them (one report per agency, year and kind). */
                            agencies: number;
                            /** @description Reports by the status of their latest revision's findings. */
                            byStatus: {
                                /** @description Reports on which no rule of severity error or warning failed. */
                                clean: number;
                                /** @description Reports with a failed warning and no failed error. */
                                warnings: number;
                                /** @description Reports with a failed rule of severity error. */
                                errors: number;
                            };
                            /** @description Reports by national template (their table 二 differs). */
                            byTemplate: {
                                /** @description Reports on the 2019 template. */
                                2019: number;
                                /** @description Reports on the 2021 template. */
                                2021: number;
                            };
                            /** @description Every cell at least one matching report has, in document order. */
                            cells: {
                                /** @description JSON Pointer of the cell in a report body, e.g. `/requests/newReceived/total`. */
                                pointer: string;
                                /** @description Sum over the reports that have the cell; a blank counts as 0. In 万元 for `…/amountWan` cells, else a count (`change` cells of the 2019 form may be negative). */
                                sum: number;
                                /** @description Reports in which the cell was printed blank (null), counted apart from zeros. */
                                blanks: number;
                                /** @description Reports that have the cell: its template's table 二, and its layout of （六）其他处理 (three rows or one). */
                                reports: number;
                            }[];
                            /**
                             * Indicators
                             * @description The derived indicators of rules.md, recomputed from the summed cells: a ratio of sums, never an average of the reports' ratios.
                             */
                            indicators: {
                                /** @description (予以公开 + 部分公开) ÷ 办理结果总计. Null when the denominator is 0. */
                                disclosureRate: number | null;
                                /** @description 不予公开 (all 8 rows) ÷ 办理结果总计. Null when the denominator is 0. */
                                denialRate: number | null;
                                /** @description 本机关不掌握相关政府信息 ÷ 办理结果总计. Null when the denominator is 0. */
                                notHeldShare: number | null;
                                /** @description 行政复议 结果纠正 ÷ (总计 − 尚未审结). Null when the denominator is 0. */
                                reviewCorrectionRate: number | null;
                                /** @description 行政诉讼 (both kinds) 结果纠正 ÷ (总计 − 尚未审结). Null when the denominator is 0. */
                                litigationCorrectionRate: number | null;
                            };
                        };
                        /**
                         * Rollup
                         * @description The matching reports of one year, added up.
                         */
                        previous: {
                            /**
                             * 报告年度
                             * @description The report year rolled up.
                             * @example 2023
                             */
                            year: number;
                            /** @description Matching reports (their latest revisions). */
                            reports: number;
                            /** @description Distinct agencies among them (one report per agency, year and kind). */
                            agencies: number;
                            /** @description Reports by the status of their latest revision's findings. */
                            byStatus: {
                                /** @description Reports on which no rule of severity error or warning failed. */
                                clean: number;
                                /** @description Reports with a failed warning and no failed error. */
                                warnings: number;
                                /** @description Reports with a failed rule of severity error. */
                                errors: number;
                            };
                            /** @description Reports by national template (their table 二 differs). */
                            byTemplate: {
                                /** @description Reports on the 2019 template. */
                                2019: number;
                                /** @description Reports on the 2021 template. */
                                2021: number;
                            };
                            /** @description Every cell at least one matching report has, in document order. */
                            cells: {
                                /** @description JSON Pointer of the cell in a report body, e.g. `/requests/newReceived/total`. */
                                pointer: string;
                                /** @description Sum over the reports that have the cell; a blank counts as 0. In 万元 for `…/amountWan` cells, else a count (`change` cells of the 2019 form may be negative). */
                                sum: number;
                                /** @description Reports in which the cell was printed blank (null), counted apart from zeros. */
                                blanks: number;
                                /** @description Reports that have the cell: its template's table 二, and its layout of （六）其他处理 (three rows or one). */
                                reports: number;
                            }[];
                            /**
                             * Indicators
                             * @description The derived indicators of rules.md, recomputed from the summed cells: a ratio of sums, never an average of the reports' ratios.
                             */
                            indicators: {
                                /** @description (予以公开 + 部分公开) ÷ 办理结果总计. Null when the denominator is 0. */
                                disclosureRate: number | null;
                                /** @description 不予公开 (all 8 rows) ÷ 办理结果总计. Null when the denominator is 0. */
                                denialRate: number | null;
                                /** @description 本机关不掌握相关政府信息 ÷ 办理结果总计. Null when the denominator is 0. */
                                notHeldShare: number | null;
                                /** @description 行政复议 结果纠正 ÷ (总计 − 尚未审结). Null when the denominator is 0. */
                                reviewCorrectionRate: number | null;
                                /** @description 行政诉讼 (both kinds) 结果纠正 ÷ (总计 − 尚未审结). Null when the denominator is 0. */
                                litigationCorrectionRate: number | null;
                            };
                        };
                        /** @description Tables compared in `changes`: table 二 (`proactive`) only when both years' reports are all on the same template. */
                        comparableTables: ("proactive" | "requests" | "reviewLitigation")[];
                        /** @description Every comparable cell that both years' reports have, in document order. */
                        changes: {
                            /** @description JSON Pointer of the cell. */
                            pointer: string;
                            /** @description Sum in the year before. */
                            previous: number;
                            /** @description Sum in the year. */
                            current: number;
                            /** @description `current − previous` (rounded to 6 decimals). */
                            delta: number;
                            /** @description `delta ÷ previous`; null when previous is 0. */
                            relative: number | null;
                        }[];
                        /** @description The indicators in both years. */
                        indicatorChanges: {
                            /**
                             * @description The indicator (see `Indicators`).
                             * @enum {string}
                             */
                            name: "disclosureRate" | "denialRate" | "notHeldShare" | "reviewCorrectionRate" | "litigationCorrectionRate";
                            /** @description In the year before (null: denominator 0). */
                            previous: number | null;
                            /** @description In the year (null: denominator 0). */
                            current: number | null;
                            /** @description `current − previous`; null when either is null. */
                            delta: number | null;
                        }[];
                        /** @description The breakdown of the year, in key order; null without `groupBy`. */
                        groups: {
                            /** @description The region prefix (`groupBy=region`), the agency's 统一社会信用代码 (`groupBy=agency`) or the kind (`groupBy=kind`). */
                            key: string;
                            /** @description The agency's name as its most recent report states it; null for regions. */
                            name: string | null;
                            /** @description Drill down: the statistics of this region, or the agency. */
                            href: string;
                            /** @description Matching reports (their latest revisions). */
                            reports: number;
                            /** @description Distinct agencies among them (one report per agency, year and kind). */
                            agencies: number;
                            /** @description Reports by the status of their latest revision's findings. */
                            byStatus: {
                                /** @description Reports on which no rule of severity error or warning failed. */
                                clean: number;
                                /** @description Reports with a failed warning and no failed error. */
                                warnings: number;
                                /** @description Reports with a failed rule of severity error. */
                                errors: number;
                            };
                            /** @description Reports by national template (their table 二 differs). */
                            byTemplate: {
                                /** @description Reports on the 2019 template. */
                                2019: number;
                                /** @description Reports on the 2021 template. */
                                2021: number;
                            };
                            /** @description The cells named in `cells` (default: the headline totals) that the group's reports have, in document order. */
                            cells: {
                                /** @description JSON Pointer of the cell in a report body, e.g. `/requests/newReceived/total`. */
                                pointer: string;
                                /** @description Sum over the reports that have the cell; a blank counts as 0. In 万元 for `…/amountWan` cells, else a count (`change` cells of the 2019 form may be negative). */
                                sum: number;
                                /** @description Reports in which the cell was printed blank (null), counted apart from zeros. */
                                blanks: number;
                                /** @description Reports that have the cell: its template's table 二, and its layout of （六）其他处理 (three rows or one). */
                                reports: number;
                            }[];
                            /**
                             * Indicators
                             * @description The derived indicators of rules.md, recomputed from the summed cells: a ratio of sums, never an average of the reports' ratios.
                             */
                            indicators: {
                                /** @description (予以公开 + 部分公开) ÷ 办理结果总计. Null when the denominator is 0. */
                                disclosureRate: number | null;
                                /** @description 不予公开 (all 8 rows) ÷ 办理结果总计. Null when the denominator is 0. */
                                denialRate: number | null;
                                /** @description 本机关不掌握相关政府信息 ÷ 办理结果总计. Null when the denominator is 0. */
                                notHeldShare: number | null;
                                /** @description 行政复议 结果纠正 ÷ (总计 − 尚未审结). Null when the denominator is 0. */
                                reviewCorrectionRate: number | null;
                                /** @description 行政诉讼 (both kinds) 结果纠正 ÷ (总计 − 尚未审结). Null when the denominator is 0. */
                                litigationCorrectionRate: number | null;
                            };
                        }[] | null;
                    };
                };
            };
            /** @description Invalid query: a missing or out-of-range year, a region that is not 2–6 digits, an unknown cell in `cells`, or `groupBy=agency` without `region` (`VALIDATION_ERROR`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key sent is not valid (`UNAUTHORIZED`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`RATE_LIMITED`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error (`INTERNAL_ERROR`); details are logged, never sent. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable (`SERVICE_UNAVAILABLE`); retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportReportsCsv: {
        parameters: {
            query?: {
                /**
                 * @description Unified social credit code of the agency: 18 characters, the last one a verified check character.
                 * @example 11330524MB15359635
                 */
                agency?: string;
                /** @description A prefix of the 6-digit division code: 33 = 浙江省, 3305 = 湖州市, 330502 = 湖州市吴兴区. */
                region?: string;
                /**
                 * @description Report year.
                 * @example 2023
                 */
                year?: number;
                /** @description `agency` = 本机关 report; `government` = 本级政府 summary of a whole jurisdiction. */
                kind?: "agency" | "government";
                /** @description National template: 2021 (国办公开办函〔2021〕30号) or 2019 (国办公开办函〔2019〕60号). */
                template?: "2021" | "2019";
                /** @description `errors` when a rule of severity error failed, else `warnings` when a warning failed, else `clean` (info findings never change the status). */
                status?: "clean" | "warnings" | "errors";
                /** @description Only reports whose latest revision fails this rule. */
                rule?: "S-TEMPLATE" | "S-MIXED" | "S-PROBLEMS-EMPTY" | "V-BLANK" | "V-FEE-UNIT" | "T3-ROWSUM" | "T3-RESULTS-SUM" | "T3-BALANCE" | "T4-GROUPSUM" | "T2-INFORCE-GE-ISSUED" | "CY-CARRY" | "CY-IN-FORCE" | "CY-2019-PREV" | "CY-SWING" | "M-DEADLINE" | "M-INDEX" | "N-RECEIVED" | "N-PROCESSED" | "N-CARRIED" | "N-T3" | "N-T4" | "N-T2" | "N-PCT" | "N-YOY-CLAIM" | "N-STALE-YEAR" | "N-INTERNAL" | "N-FEE-SECTION6" | "GOV-PARTS";
                /** @description Header row: JSON Pointers (default) or Chinese labels. */
                header?: "pointers" | "labels";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The reports, streamed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description An unknown or invalid filter. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key sent is not valid (`UNAUTHORIZED`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`RATE_LIMITED`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error (`INTERNAL_ERROR`); details are logged, never sent. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable (`SERVICE_UNAVAILABLE`); retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportReportsNdjson: {
        parameters: {
            query?: {
                /**
                 * @description Unified social credit code of the agency: 18 characters, the last one a verified check character.
                 * @example 11330524MB15359635
                 */
                agency?: string;
                /** @description A prefix of the 6-digit division code: 33 = 浙江省, 3305 = 湖州市, 330502 = 湖州市吴兴区. */
                region?: string;
                /**
                 * @description Report year.
                 * @example 2023
                 */
                year?: number;
                /** @description `agency` = 本机关 report; `government` = 本级政府 summary of a whole jurisdiction. */
                kind?: "agency" | "government";
                /** @description National template: 2021 (国办公开办函〔2021〕30号) or 2019 (国办公开办函〔2019〕60号). */
                template?: "2021" | "2019";
                /** @description `errors` when a rule of severity error failed, else `warnings` when a warning failed, else `clean` (info findings never change the status). */
                status?: "clean" | "warnings" | "errors";
                /** @description Only reports whose latest revision fails this rule. */
                rule?: "S-TEMPLATE" | "S-MIXED" | "S-PROBLEMS-EMPTY" | "V-BLANK" | "V-FEE-UNIT" | "T3-ROWSUM" | "T3-RESULTS-SUM" | "T3-BALANCE" | "T4-GROUPSUM" | "T2-INFORCE-GE-ISSUED" | "CY-CARRY" | "CY-IN-FORCE" | "CY-2019-PREV" | "CY-SWING" | "M-DEADLINE" | "M-INDEX" | "N-RECEIVED" | "N-PROCESSED" | "N-CARRIED" | "N-T3" | "N-T4" | "N-T2" | "N-PCT" | "N-YOY-CLAIM" | "N-STALE-YEAR" | "N-INTERNAL" | "N-FEE-SECTION6" | "GOV-PARTS";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The reports, streamed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                };
            };
            /** @description An unknown or invalid filter. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key sent is not valid (`UNAUTHORIZED`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`RATE_LIMITED`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error (`INTERNAL_ERROR`); details are logged, never sent. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable (`SERVICE_UNAVAILABLE`); retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importReport: {
        parameters: {
            query?: {
                /**
                 * @description Unified social credit code of the agency: 18 characters, the last one a verified check character.
                 * @example 11330524MB15359635
                 */
                agencyCode?: string;
                /** @description Name of the agency. */
                agencyName?: string;
                /**
                 * @description 6-digit administrative division code (330502 = 湖州市吴兴区).
                 * @example 330502
                 */
                regionCode?: string;
                /** @description `agency` = 本机关 report; `government` = 本级政府 summary of a whole jurisdiction. */
                kind?: "agency" | "government";
                /**
                 * @description Report year, when the text does not state it.
                 * @example 2023
                 */
                year?: number;
                /** @description Where the report was published. */
                sourceUrl?: string;
                /** @description Also store the report. */
                store?: boolean;
                /** @description With `store`: refuse a report on which a rule of severity error fails. */
                strict?: boolean;
            };
            header?: {
                /** @description A unique value (e.g. a UUID) per logical request, with an API key: a retry with the same key gets the first answer (marked `Idempotent-Replayed: true`) and never stores twice, even when retries race. Answers are kept 24 hours. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description The published report. `application/pdf`: A PDF with a text layer. `application/vnd.openxmlformats-officedocument.wordprocessingml.document`: A Word document (.docx). `text/html`: A published page (often exported from Word or WPS), in UTF-8, GBK or GB18030 (`charset`; without it, the one the page's `<meta>` names). `text/markdown`: Markdown: `#` headings and GFM pipe tables. `text/plain`: Text: copied from a page, `pdftotext -layout` output, one cell per line, or markdown. `application/octet-stream`: Any of the above, told apart by its bytes. */
        requestBody: {
            content: {
                "application/pdf": unknown;
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document": unknown;
                "text/html": unknown;
                "text/markdown": unknown;
                "text/plain": unknown;
                "application/octet-stream": unknown;
            };
        };
        responses: {
            /** @description The report read, how it was read, its findings, and where it was stored if `store=true`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Every cell and required field was read; false: `report` is partial and `parse.unread` says what is left out. */
                        complete: boolean;
                        /** @description The report read; when incomplete, as far as it was read. */
                        report: (components["schemas"]["Report2021"] | components["schemas"]["Report2019"]) | {
                            [key: string]: unknown;
                        };
                        /** @description How the report was read. */
                        parse: {
                            /** @description What read the input into rows: the text reader (any text layout), or the HTML, markdown, PDF or Word reader. */
                            reader: "text" | "html" | "markdown" | "pdf" | "docx";
                            /** @description `pipe`: rows as "a | b | c" (text copied from a page); `layout`: `pdftotext -layout` columns; `cell-per-line`: one cell per line; `html`: a page; `markdown`: headings and pipe tables; `pdf`: a PDF's text layer, laid out in columns; `docx`: a Word document; `tabbed`: cells separated by tabs (a table copied from a browser or a word processor). */
                            format: "pipe" | "layout" | "cell-per-line" | "html" | "markdown" | "pdf" | "docx" | "tabbed";
                            templates: {
                                /** @description Layout table 二 was read in; null when not read. */
                                proactive: ("2021" | "2019") | null;
                                /** @description Layout table 三 was read in; null when not read. */
                                requests: ("2021" | "2019") | null;
                                /** @description Layout table 四 was read in; null when not read. */
                                reviewLitigation: ("2021" | "2019") | null;
                            };
                            /** @description Where every table cell was read. */
                            cells: {
                                /** @description The cell. */
                                pointer: string;
                                /** @description Its text in the source (empty for a blank cell). */
                                source: string;
                                /** @description Line of the source it was read on. */
                                line?: number;
                            }[];
                            /** @description What could not be read cleanly. */
                            problems: components["schemas"]["ParseProblem"][];
                            /** @description How cleanly the report was read: 1 when every label matched and nothing was doubtful. */
                            confidence: number;
                            /** @description JSON Pointers of the unread cells and fields, as in `unread` (empty when the report is complete). */
                            missing: string[];
                            /** @description Every cell and required field not read: why, and where in the source it was looked for. */
                            unread: components["schemas"]["UnreadPart"][];
                        };
                        /** @description The findings of the report; null when it is incomplete. */
                        analysis: {
                            /** @description `errors` when a rule of severity error failed, else `warnings` when a warning failed, else `clean` (info findings never change the status). */
                            status: "clean" | "warnings" | "errors";
                            /** @description Findings by severity. */
                            counts: {
                                /** @description Failed rules of severity error. */
                                error: number;
                                /** @description Failed rules of severity warning. */
                                warning: number;
                                /** @description Failed rules of severity info. */
                                info: number;
                                /** @description Rules that could not be assessed yet. */
                                notAssessable: number;
                            };
                            /** @description The same agency's report of the same kind for the year before, as compared; null when none is stored. */
                            previous: {
                                /**
                                 * 报告编号
                                 * @description Identifier of a stored report.
                                 */
                                id: number;
                                /**
                                 * 修订版本
                                 * @description The revision compared against.
                                 */
                                revision: number;
                                /**
                                 * 报告年度
                                 * @description The prior year.
                                 * @example 2023
                                 */
                                year: number;
                                /** @description URL of that revision. */
                                href: string;
                            } | null;
                            /** @description Every finding, in catalogue order. */
                            findings: components["schemas"]["Finding"][];
                            /** @description Changes against the prior year; null when it is not stored. */
                            yearOverYear: {
                                /** @description Tables compared; table 二 (`proactive`) is not comparable across the 2020→2021 template change. */
                                comparableTables: ("proactive" | "requests" | "reviewLitigation")[];
                                /** @description Every comparable cell. */
                                changes: {
                                    /** @description JSON Pointer of the cell in both reports. */
                                    pointer: string;
                                    /** @description Value in the prior year (null: blank). */
                                    previous: number | null;
                                    /** @description Value this year (null: blank). */
                                    current: number | null;
                                    /** @description `current − previous`; null when either is blank. */
                                    delta: number | null;
                                    /** @description `delta ÷ previous`; null when previous is 0 or blank. */
                                    relative: number | null;
                                }[];
                                /** @description Derived indicators in both years. */
                                indicators: {
                                    /**
                                     * @description disclosureRate = (予以公开 + 部分公开) ÷ 办理总计; denialRate = 不予公开 ÷ 办理总计; notHeldShare = 本机关不掌握 ÷ 办理总计; reviewCorrectionRate = 复议纠正 ÷ (复议总计 − 尚未审结); litigationCorrectionRate likewise for 行政诉讼.
                                     * @enum {string}
                                     */
                                    name: "disclosureRate" | "denialRate" | "notHeldShare" | "reviewCorrectionRate" | "litigationCorrectionRate";
                                    /** @description Prior year (null: denominator 0). */
                                    previous: number | null;
                                    /** @description This year (null: denominator 0). */
                                    current: number | null;
                                    /** @description `current − previous`. */
                                    delta: number | null;
                                }[];
                            } | null;
                        } | null;
                        /** @description Null unless `store=true`. */
                        stored: {
                            /** @description Id of the stored report. */
                            id: number;
                            /** @description Its revision. */
                            revision: number;
                            /** @description Its URL. */
                            href: string;
                            /** @description `replayed`: the same report was already stored. */
                            outcome: "created" | "replayed";
                        } | null;
                    };
                };
            };
            /** @description Empty body, text that is not valid in its charset, or invalid query parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key sent is not valid (`UNAUTHORIZED`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description With `store=true`: the API key may not write reports of this agency (`FORBIDDEN`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description With `store=true`: a different report is stored for this agency, year and kind (`REPORT_EXISTS`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body exceeds `IMPORT_BODY_LIMIT` (8 MiB here), its text `IMPORT_TEXT_LIMIT` characters, or a PDF `IMPORT_MAX_PAGES` pages; or reading the document needs more memory than `IMPORT_WORKER_MEMORY_MB` or more time than `IMPORT_TIMEOUT_MS` (the reading is stopped; the service goes on). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not one of the accepted types, a body declared PDF or Word that is not one, or an unsupported charset. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not one cell of a report could be read (`IMPORT_UNREADABLE`, with `missing` and `parseProblems`), with `store=true` the report read is incomplete (`IMPORT_INCOMPLETE`, with `missing` and `unread`; nothing is stored), a PDF is a scan without a text layer (`IMPORT_NO_TEXT_LAYER`), a PDF or Word file is damaged or encrypted (`IMPORT_DOCUMENT_UNREADABLE`), the report read is invalid (`IMPORT_INVALID`, with `errors`), or with `strict` a rule of severity error failed (`REPORT_INCONSISTENT`). The `Idempotency-Key` was used for another request (`IDEMPOTENCY_KEY_REUSED`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`RATE_LIMITED`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error (`INTERNAL_ERROR`); details are logged, never sent. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable (`SERVICE_UNAVAILABLE`); retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    bulkStoreReports: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description NDJSON: one report (JSON object) per line. */
        requestBody: {
            content: {
                "application/json": string;
            };
        };
        responses: {
            /** @description One result line per input line, then `{"summary": {…}}`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": {
                        /** @description The input line this result answers (blank lines get none). */
                        line: number;
                        /** @description `stored`: a new report; `revised`: its next revision; `unchanged`: the same body as its latest revision. */
                        outcome: "stored" | "revised" | "unchanged";
                        /**
                         * 报告编号
                         * @description Identifier of a stored report.
                         */
                        id: number;
                        /**
                         * 修订版本
                         * @description The revision the report is at after this line.
                         */
                        revision: number;
                        /** @description Result of the consistency rules on that revision. */
                        status: ("clean" | "warnings" | "errors") | null;
                        /** @description URL of the report. */
                        href: string;
                    } | {
                        /** @description The input line this result answers (blank lines get none). */
                        line: number;
                        /** @enum {string} */
                        outcome: "rejected";
                        problem: components["schemas"]["Problem"];
                    } | {
                        summary: {
                            /** @description Lines stored as new reports. */
                            stored: number;
                            /** @description Lines stored as a next revision. */
                            revised: number;
                            /** @description Lines equal to the latest revision. */
                            unchanged: number;
                            /** @description Lines rejected. */
                            rejected: number;
                        };
                    };
                };
            };
            /** @description The body is empty or holds only blank lines (`MALFORMED_JSON`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid (`UNAUTHORIZED`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key does not cover this operation (`FORBIDDEN`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/x-ndjson` in UTF-8. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`RATE_LIMITED`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error (`INTERNAL_ERROR`); details are logged, never sent. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable (`SERVICE_UNAVAILABLE`); retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The keys. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ApiKey"][];
                    };
                };
            };
            /** @description No API key, or one that is not valid (`UNAUTHORIZED`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key does not cover this operation (`FORBIDDEN`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`RATE_LIMITED`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error (`INTERNAL_ERROR`); details are logged, never sent. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable (`SERVICE_UNAVAILABLE`); retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The key to create. A `reports:write` or `findings:review` key must name agencies or regions. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description Who holds the key (an office, a portal). */
                    name: string;
                    /** @description What the key may do. */
                    scopes: ("reports:write" | "findings:review" | "admin")[];
                    /** @description Agencies a `reports:write` or `findings:review` key acts for. */
                    agencyCodes?: string[];
                    /** @description Regions a `reports:write` or `findings:review` key acts for. */
                    regionPrefixes?: string[];
                };
            };
        };
        responses: {
            /** @description The key, with its token. */
            201: {
                headers: {
                    /** @description URL of the key. */
                    location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * ApiKey
                         * @description An API key, without its secret.
                         */
                        key: {
                            /** @description Id of an API key. */
                            id: number;
                            /** @description Public part of the key (after `gdr_`), to recognise it in logs; not a secret. */
                            lookupId: string;
                            /** @description Who holds the key. */
                            name: string;
                            /** @description What the key may do; none means read only (for when reads need a key). */
                            scopes: ("reports:write" | "findings:review" | "admin")[];
                            /** @description Agencies whose reports a `reports:write` key may write and a `findings:review` key may review. */
                            agencyCodes: string[];
                            /** @description Regions whose agencies' reports a `reports:write` key may write and a `findings:review` key may review. */
                            regionPrefixes: string[];
                            /**
                             * Format: date-time
                             * @description When the key was created. ISO 8601 timestamp (UTC).
                             */
                            createdAt: string;
                            /** @description When the key was revoked; null while it is valid. */
                            revokedAt: string | null;
                        };
                        /** @description The whole key, to send as `Authorization: Bearer <token>`. Shown this once. */
                        token: string;
                    };
                };
            };
            /** @description Invalid fields (`VALIDATION_ERROR`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid (`UNAUTHORIZED`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key does not cover this operation (`FORBIDDEN`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body exceeds the size limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` in UTF-8. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The scopes, agencies and regions do not fit together (`INVALID_GRANT`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`RATE_LIMITED`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error (`INTERNAL_ERROR`); details are logged, never sent. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable (`SERVICE_UNAVAILABLE`); retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the API key. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revoked key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            /** @description Invalid id. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid (`UNAUTHORIZED`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key does not cover this operation (`FORBIDDEN`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No key has this id (`API_KEY_NOT_FOUND`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`RATE_LIMITED`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error (`INTERNAL_ERROR`); details are logged, never sent. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable (`SERVICE_UNAVAILABLE`); retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    placeAgency: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Unified social credit code of the agency: 18 characters, the last one a verified check character.
                 * @example 11330524MB15359635
                 */
                code: string;
            };
            cookie?: never;
        };
        /** @description The region an admin places an agency in, whatever its credit code says. */
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * 行政区划代码
                     * @description 6-digit administrative division code (330502 = 湖州市吴兴区).
                     * @example 330502
                     */
                    regionCode: string;
                    /** @description Why the agency is placed there, for the audit trail. */
                    reason: string;
                    /** @description Name of the agency; needed only when it is not stored yet. */
                    name?: string;
                };
            };
        };
        responses: {
            /** @description The agency where it is now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * 统一社会信用代码
                         * Format: credit-code
                         * @description Unified social credit code of the agency: 18 characters, the last one a verified check character.
                         * @example 11330524MB15359635
                         */
                        code: string;
                        /** @description Name of the agency. */
                        name: string;
                        /**
                         * 行政区划代码
                         * @description 6-digit administrative division code (330502 = 湖州市吴兴区).
                         * @example 330502
                         */
                        regionCode: string;
                        /** @description The region before; null when the agency was not stored. */
                        previousRegionCode: string | null;
                        /** @description Reports that moved with the agency (each has a `region_changed` event in the feed). */
                        movedReports: number;
                    };
                };
            };
            /** @description Invalid code or body (`VALIDATION_ERROR`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid (`UNAUTHORIZED`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key does not cover this operation (`FORBIDDEN`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body exceeds the size limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` in UTF-8. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The agency is not stored and no `name` was sent (`AGENCY_NAME_REQUIRED`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`RATE_LIMITED`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error (`INTERNAL_ERROR`); details are logged, never sent. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable (`SERVICE_UNAVAILABLE`); retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAuditEntries: {
        parameters: {
            query?: {
                /** @description Only the writes of this key. */
                keyId?: number;
                /** @description Only the writes to this report. */
                reportId?: number;
                /** @description Only this action. */
                action?: "report.created" | "report.revised" | "finding.reviewed" | "key.created" | "key.revoked" | "agency.moved";
                /**
                 * @description Only the moves of this agency.
                 * @example 11330524MB15359635
                 */
                agencyCode?: string;
                /** @description Page size, 1–500. */
                limit?: number;
                /** @description Opaque cursor from a previous page's `next` link. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the audit trail. */
            200: {
                headers: {
                    /** @description `<url>; rel="next"` when another page follows. */
                    link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Entries of this page. */
                        items: components["schemas"]["AuditEntry"][];
                        /** @description URL of the next page (also in the `Link` header), null on the last page. */
                        next: string | null;
                    };
                };
            };
            /** @description An invalid filter, or a cursor this API did not issue. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid (`UNAUTHORIZED`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key does not cover this operation (`FORBIDDEN`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`RATE_LIMITED`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error (`INTERNAL_ERROR`); details are logged, never sent. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable (`SERVICE_UNAVAILABLE`); retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}

/**
 * Figures over the whole product for dashboards: automation by month and key performance indicators of a period
 * (volume, automation, reconciliation, backlog, cash, income against expenses). Reads only; sits on top of ingest,
 * review, reconcile and report.
 */
package ai.bookkeeper.analytics;

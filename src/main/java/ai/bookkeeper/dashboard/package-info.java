/**
 * The web dashboard: server-rendered pages (Thymeleaf, a little htmx and Chart.js) under {@code /app} for
 * accountants and owners, calling the modules' services directly with the signed-in user's company access.
 */
package ai.bookkeeper.dashboard;

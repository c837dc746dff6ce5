/** HTTP concerns shared by every module's controllers: health, RFC 9457 problem details. */
package ai.bookkeeper.web;

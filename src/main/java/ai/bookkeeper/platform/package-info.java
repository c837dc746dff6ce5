/** Infrastructure every module runs on: the database (SQLite by default, PostgreSQL when configured) and the clock. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package ai.bookkeeper.platform;

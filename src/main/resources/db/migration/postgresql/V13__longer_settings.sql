-- Settings now hold email templates and a small logo (base64), longer than 4000 characters.
alter table app_setting alter column setting_value type text;

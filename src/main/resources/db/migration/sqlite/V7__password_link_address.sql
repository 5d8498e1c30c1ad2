-- Changing a contact's email (issue 18): a password chosen through an emailed link counts only
-- while that address is the contact's. The address the link went to is kept with the password,
-- so an email change can clear a password set by whoever read the old (mistyped) address.
-- Null: set by an agent, by the contact while signed in, or through a link that was not emailed.
alter table portal_account add column password_link_address varchar(320);
alter table community_membership add column password_link_address varchar(320);

-- Passwords already set through an emailed link: the link was marked used in the same instant
-- the password was set.
update portal_account set password_link_address = (
    select m.recipient from credential_token t join email_message m on m.id = t.email_message_id
    where t.contact_id = portal_account.contact_id and t.scope = 'MEMBERSHIP' and t.group_id is null
      and t.used_at = portal_account.password_set_at
    order by t.used_at desc limit 1)
where password_hash is not null;

update community_membership set password_link_address = (
    select m.recipient from credential_token t join email_message m on m.id = t.email_message_id
    where t.contact_id = community_membership.contact_id and t.scope = 'COMMUNITY'
      and t.group_id = community_membership.group_id
      and t.used_at = community_membership.password_set_at
    order by t.used_at desc limit 1)
where password_hash is not null;

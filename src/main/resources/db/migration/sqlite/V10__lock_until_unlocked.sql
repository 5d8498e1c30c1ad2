-- A login lock that does not end by itself: it holds until an agent unlocks the account or the
-- password is reset (the demo's locked contact, who must still be locked when a class gets to him).
alter table portal_account add column locked_until_unlocked boolean not null default false;
alter table community_membership add column locked_until_unlocked boolean not null default false;

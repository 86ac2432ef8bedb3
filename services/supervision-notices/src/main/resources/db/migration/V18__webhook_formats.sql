-- what a subscription receives: STANDARD (the notice as JSON, Standard Webhooks signatures), WECOM (a 企业微信 group
-- robot's markdown message) or DINGTALK (a 钉钉 group robot's markdown message; secret: its 加签 secret, or '' when
-- the robot checks keywords or addresses instead)
alter table webhook_subscriptions add column format text not null default 'STANDARD';

-- The Baoji rules and the X 区 standard set no period for keeping the duty log book; their shipped policies now
-- keep it long-term as a local default to be confirmed (dutylog.long-term), as a new database loads them from
-- policies/*.json. A database that loaded those policies before gets the same rule here; a database without them
-- gets nothing, and the loader adds them whole. A rule already there is left as it is.
INSERT INTO policy_rule (policy_id, rule_key, value_type, rule_value, article, excerpt, to_be_confirmed, note)
SELECT p.id, 'dutylog.long-term', 'BOOLEAN', 'true', shipped.article, shipped.excerpt, TRUE, shipped.note
FROM duty_policy p
JOIN (VALUES
        ('baoji-2022', '第十一条', '值班记录应使用统一规范的值班记录本，并定期编号归档，以备查考',
         '规范未规定值班记录保存期限：本地默认长期保存，请按当地档案管理规定确认'),
        ('x-district', '第十二条（三）', '需配备以下设备、装备和资料：……值班通讯录、值班制度汇编、值班记录簿等资料',
         '标准未规定值班记录保存期限：本地默认长期保存，请按区政府规定确认')
     ) AS shipped (code, article, excerpt, note) ON shipped.code = p.code
WHERE NOT EXISTS (SELECT 1 FROM policy_rule r WHERE r.policy_id = p.id AND r.rule_key = 'dutylog.long-term');

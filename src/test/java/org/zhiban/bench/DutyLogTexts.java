package org.zhiban.bench;

import java.util.Random;

import org.zhiban.dutylog.EntryKind;
import org.zhiban.dutylog.SearchText;

/**
 * Duty-log entries as the search benchmarks write them: a place, an event and an action drawn from lists of 40, 30
 * and 12 (so that a two-character word is held by about 3 % of entries and a place by about 2.5 %); calls name a
 * caller and a unit. And the twenty words, common and rare, two to seven characters, that the benchmarks search for.
 */
final class DutyLogTexts {

    static final String[] SEARCH_WORDS = { "暴雨", "积水", "滑坡", "泄漏", "电梯困人", "金台大道", "十里铺", "食物中毒", "渭河大桥",
            "已报告带班领导", "水管爆裂", "寒潮", "虢镇供暖", "磻溪", "伸缩缝", "走失", "火情", "噪音", "桥梁", "隧道" };

    private static final String[] PLACES = words("金台大道 渭滨路 宝光路 虢镇 十里铺 卧龙寺 蟠龙 硖石 陈仓 千河 清姜 高家镇 "
            + "马营 八鱼 石鼓 金河 太白山 秦岭隧道 渭河大桥 火车站 汽车站 人民医院 第一中学 实验小学 中心市场 开发区 工业园 "
            + "东风路 中山东路 中山西路 西关 东关 北坡 南坡 磻溪 钓渭 天王 拓石 凤阁岭 坪头");
    private static final String[] EVENTS = words("暴雨导致道路积水 山体滑坡阻断交通 发生一起交通事故 燃气管道泄漏 供暖管道漏水 "
            + "居民楼停电 自来水停水 民房墙体开裂 森林火情 河道水位上涨 学生食物中毒疑似病例 企业安全生产检查 群众集访 "
            + "道路结冰 大风刮倒广告牌 化工厂异味 电梯困人 独居老人走失 网传水管爆裂 树木倒伏压住车辆 桥梁伸缩缝破损 "
            + "农田灌溉纠纷 施工噪音扰民 雪天车辆滞留 冬季取暖安全隐患 防汛物资清点 寒潮大风预警 地震应急演练 疫情防控检查 "
            + "电力线路故障");
    private static final String[] ACTIONS = words("已通知属地街道到场处置 已转区住建局办理 已报告带班领导 已电话核实情况属实 "
            + "请相关部门30分钟内反馈 已派应急队伍赶赴现场 暂无人员伤亡 已安排专人持续关注 已按程序上报市政府总值班室 "
            + "待责任单位反馈处理结果 已协调交警疏导交通 已通知供电公司抢修");
    private static final String[] CALLERS = words("张伟 王芳 李娜 刘洋 陈静 杨磊 赵敏 黄勇 周杰 吴刚 徐丽 孙强 马超 朱琳 胡军 "
            + "郭涛 何平 高峰 林霞 罗斌");
    private static final String[] CALLER_UNITS = words("区应急管理局 区住建局 区交通局 区卫健局 市政府总值班室 金台公安分局 "
            + "供电公司 自来水公司 燃气公司 消防救援大队 街道办事处 村委会");

    private DutyLogTexts() {
    }

    /** The {@code i}-th entry of a run; the same random sequence gives the same entries. */
    static Entry next(Random random, int i) {
        EntryKind kind = EntryKind.values()[random.nextInt(EntryKind.values().length)];
        String summary = pick(random, PLACES) + pick(random, EVENTS) + "，" + pick(random, ACTIONS) + "（第" + i + "号）";
        String callerName = kind.isCall() ? pick(random, CALLERS) : null;
        String callerUnit = kind.isCall() ? pick(random, CALLER_UNITS) : null;
        String callerPhone = kind.isCall() ? "0917-" + (3_000_000 + random.nextInt(999_999)) : null;
        return new Entry(kind, summary, callerName, callerUnit, callerPhone);
    }

    static String pick(Random random, String[] words) {
        return words[random.nextInt(words.length)];
    }

    static String[] words(String words) {
        return words.split(" ");
    }

    /** An entry's fields, and its search text as the duty log indexes it. */
    record Entry(EntryKind kind, String summary, String callerName, String callerUnit, String callerPhone) {

        String content() {
            return SearchText.entry(summary, null, null, null, null, callerName, callerUnit);
        }

        String caller() {
            return SearchText.caller(callerName, callerUnit);
        }
    }
}

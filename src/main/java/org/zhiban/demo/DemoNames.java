package org.zhiban.demo;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/** Plausible, invented Chinese names and mobile numbers, the same on every load. */
final class DemoNames {

    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟段雷钱汤尹黎易常武乔贺赖龚文";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建国文辉鹏飞斌宇浩凯健俊帆帅旭宁晨彬鑫博雪琳婷倩颖嘉欣悦瑞涵睿智晓东海波志红卫兵振宏斌嘉禾子轩梓萱一鸣思远";

    private final Random random;
    private final Set<String> usedMobiles = new HashSet<>();

    DemoNames(long seed) {
        this.random = new Random(seed);
    }

    String name() {
        StringBuilder name = new StringBuilder();
        name.append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        int length = random.nextInt(10) < 6 ? 2 : 1;
        for (int i = 0; i < length; i++) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }

    String mobile() {
        String[] prefixes = { "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "158", "159", "177",
                "180", "181", "186", "187", "189", "191", "199" };
        String mobile;
        do {
            mobile = prefixes[random.nextInt(prefixes.length)] + String.format("%08d", random.nextInt(100_000_000));
        }
        while (!usedMobiles.add(mobile));
        return mobile;
    }

    String officePhone(String areaCode) {
        return areaCode + "-" + (2 + random.nextInt(7)) + String.format("%06d", random.nextInt(1_000_000));
    }

    int between(int lowInclusive, int highInclusive) {
        return lowInclusive + random.nextInt(highInclusive - lowInclusive + 1);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }
}

package org.zhiban.organization;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar zhiban.jar rotate-keys}: rotates the personal-data key and seals all personal data again, then the
 * process ends. Run it again after a stop and it goes on where it was (see {@link PersonalDataSeals#rotate}).
 */
@Component
@ConditionalOnProperty(KeyRotationCommand.PROPERTY)
class KeyRotationCommand implements ApplicationRunner {

    static final String PROPERTY = "zhiban.keys.rotate";
    private static final Logger log = LoggerFactory.getLogger(KeyRotationCommand.class);

    private final PersonalDataSeals seals;

    KeyRotationCommand(PersonalDataSeals seals) {
        this.seals = seals;
    }

    @Override
    public void run(ApplicationArguments args) {
        PersonalDataSeals.Rotation rotation = seals.rotate(log::info);
        log.info("密钥轮换完成：第 {} 版，重新加密 {} 行 {}（key rotation done: version {}, {} rows sealed again）",
                rotation.version(), rotation.total(), rotation.sealed(), rotation.version(), rotation.total());
        if (!rotation.unreadable().isEmpty()) {
            log.warn("密文校验失败、保持原样的行（rows whose value does not open, left as they were）：{}",
                    rotation.unreadable());
        }
    }
}

package org.zhiban.dutylog;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.dutylog.internal.AttachmentRepository;
import org.zhiban.dutylog.internal.DutyLogRepository;
import org.zhiban.organization.UnitScope;
import org.zhiban.shared.Actor;
import org.zhiban.shared.AttachmentType;
import org.zhiban.shared.Zones;
import org.zhiban.shared.ZhibanException;

/**
 * Files attached to entries: checked by name and content, limited in size, kept for good. Each file's SHA-256 goes
 * into the chained audit trail, so a file changed in the database no longer matches what was recorded.
 */
@Service
public class Attachments {

    private final AttachmentRepository repository;
    private final DutyLogRepository entries;
    private final UnitScope scope;
    private final AuditTrail audit;
    private final Clock clock;

    Attachments(AttachmentRepository repository, DutyLogRepository entries, UnitScope scope, AuditTrail audit,
            Clock clock) {
        this.repository = repository;
        this.entries = entries;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    /** Attaches a file to an entry of the actor's own unit; a bad file is refused and nothing is kept. */
    @Transactional
    public Attachment attach(Actor actor, UUID entryId, Upload upload) {
        AttachmentType type = requireAllowed(upload);
        if (!actor.standsDuty()) {
            throw ZhibanException.forbidden("FORBIDDEN", "只有值班员可以上传附件");
        }
        boolean ownEntry = entries.versions(entryId).stream().findFirst()
                .filter(row -> row.unitId().equals(actor.unitId())).isPresent();
        if (!ownEntry) {
            throw ZhibanException.notFound("DUTY_LOG_ENTRY_NOT_FOUND", "值班日志记录不存在：" + entryId);
        }
        Attachment attachment = new Attachment(UUID.randomUUID(), entryId, upload.fileName().strip(),
                type.contentType(), upload.content().length, sha256(upload.content()),
                Zones.china(clock.instant()), actor.username(), upload.sensitive());
        repository.insert(attachment, actor.unitId(), upload.content());
        audit.record("DUTY_LOG_ATTACHED", "duty-log:" + entryId, AuditOutcome.SUCCESS,
                attachment.fileName() + " " + attachment.size() + " 字节 SHA-256 " + attachment.sha256()
                        + (attachment.sensitive() ? "（含个人信息，SM4 加密存放）" : ""));
        return attachment;
    }

    /** The files of an entry, for anyone who may see its unit. */
    @Transactional(readOnly = true)
    public List<Attachment> of(Actor actor, UUID entryId) {
        entries.versions(entryId).stream().findFirst().ifPresent(row -> scope.requireVisible(actor, row.unitId(),
                () -> ZhibanException.notFound("DUTY_LOG_ENTRY_NOT_FOUND", "值班日志记录不存在：" + entryId)));
        return repository.ofEntry(entryId);
    }

    /** The files of several entries of one unit, by entry (an entry without files is absent), in one query. */
    @Transactional(readOnly = true)
    public Map<UUID, List<Attachment>> ofUnitEntries(Actor actor, UUID unitId, List<UUID> entryIds) {
        scope.requireVisible(actor, unitId);
        return entryIds.isEmpty() ? Map.of() : repository.ofEntries(unitId, entryIds).stream()
                .collect(Collectors.groupingBy(Attachment::entryId));
    }

    /** A file with its content; a content that no longer matches its recorded SHA-256 is not handed out. */
    @Transactional(readOnly = true)
    public Stored content(Actor actor, UUID attachmentId) {
        Supplier<ZhibanException> notFound = () -> ZhibanException.notFound("ATTACHMENT_NOT_FOUND", "附件不存在："
                + attachmentId);
        AttachmentRepository.StoredRow row = repository.find(attachmentId).orElseThrow(notFound);
        scope.requireVisible(actor, row.unitId(), notFound);
        if (!sha256(row.content()).equals(row.attachment().sha256())) {
            throw ZhibanException.conflict("ATTACHMENT_ALTERED", "附件内容与上传时的 SHA-256 不一致，可能已被改动");
        }
        return new Stored(row.attachment(), row.content());
    }

    static AttachmentType requireAllowed(Upload upload) {
        return AttachmentType.requireAllowed(upload.fileName(), upload.content());
    }

    private static String sha256(byte[] content) {
        return AttachmentType.sha256(content);
    }

    /** A file and its content. */
    public record Stored(Attachment attachment, byte[] content) {
    }
}

package org.zhiban.organization;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a user sends to create or change a unit. {@code parentId} names the superior on creation and may not
 * change afterwards; {@code version}, when given on a change, guards against overwriting someone else's edit.
 */
public record UnitCommand(
        UUID parentId,
        @NotBlank(message = "请填写单位名称") @Size(max = 100, message = "单位名称不超过100个字") String name,
        @NotNull(message = "请选择单位类别") UnitKind kind,
        @NotNull(message = "请选择单位层级") UnitLevel level,
        @Size(max = 100, message = "值班室名称不超过100个字") String dutyOfficeName,
        @LandlineNumber(message = "值班电话应为带区号的固定电话，如 0917-3261234") String dutyPhone,
        @LandlineNumber(message = "传真号码应为带区号的固定电话号码，如 0917-3261235") String fax,
        @Size(max = 200, message = "办公地址不超过200个字") String address,
        @Pattern(regexp = "^$|^\\d{6}$", message = "邮政编码应为6位数字") String postcode,
        Integer version) {

    public static UnitCommand from(Unit unit) {
        return new UnitCommand(unit.parentId(), unit.name(), unit.kind(), unit.level(), unit.dutyOfficeName(),
                unit.dutyPhone(), unit.fax(), unit.address(), unit.postcode(), unit.version());
    }

    public static UnitCommand under(UUID parentId) {
        return new UnitCommand(parentId, null, null, null, null, null, null, null, null, null);
    }
}

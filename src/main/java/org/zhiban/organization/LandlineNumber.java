package org.zhiban.organization;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A landline number with its area code (or, where {@link #allowMobile()}, a mobile), or empty. */
@Documented
@Constraint(validatedBy = LandlineNumber.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface LandlineNumber {

    String message() default "电话号码格式不正确，应为带区号的固定电话，如 0917-3261234";

    boolean allowMobile() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<LandlineNumber, String> {

        private boolean allowMobile;

        @Override
        public void initialize(LandlineNumber annotation) {
            allowMobile = annotation.allowMobile();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true;
            }
            return PhoneNumbers.isLandlineWithAreaCode(value) || allowMobile && PhoneNumbers.isMainlandMobile(value);
        }
    }
}

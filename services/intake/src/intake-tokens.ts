/** Injection token of the command kit's dependencies (store, clock, metrics, logger). */
export const INTAKE_COMMAND_DEPS = Symbol('hotline.intake.command-deps');

/** Injection token of the ContentClassifier (the rule dictionary, or a model later). */
export const INTAKE_CLASSIFIER = Symbol('hotline.intake.classifier');

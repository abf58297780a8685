import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '@hotline/infra/telemetry';
import { CORPUS_PATH } from './corpus/load-corpus';
import { HEADS, type Head } from './learned/labelled-example';
import { LearnedModel, type Featurizer } from './learned/learned-model';
import { SoftmaxRegression } from './learned/softmax-regression';
import { FEATURE_COUNT } from './learned/text-features';
import type { TrainedClassifier } from './learned/train-classifier';
import type { UnitsByCategory } from './learned/units-by-category';

/** Bumped when the file's layout changes: an older file is then trained over, never misread. */
const FORMAT = 'hotline-classifier-model/2';

/** Texts whose features go into the basis: a change of the features changes how they are cut. */
const PROBE_TEXTS = 200;

/** What the model in force was trained as, kept beside its weights. */
export interface ModelOnFile {
  trained: TrainedClassifier;
  version: string;
  /** Whether it was calibrated on its own training data (not the shipped corpus's calibration). */
  calibrated: boolean;
}

type Header = Omit<TrainedClassifier, 'model'> & {
  format: string;
  basis: string;
  version: string;
  calibrated: boolean;
  heads: Array<{ head: Head; classes: string[]; temperature: number; rows: number }>;
  /** Which units completed the cases of each category: the unit suggestion goes through it. */
  unitsByCategory: UnitsByCategory;
};

/**
 * Everything a trained model depends on besides the history it learned from: the corpus, the
 * dictionary, the training settings and calibration, and the features themselves (probed on the
 * corpus's first texts, so that a change of the featurizer is noticed without naming it). A model
 * on file with another basis is stale.
 */
export function modelBasis(parts: {
  dictionary: unknown;
  training: unknown;
  calibration: unknown;
  featurize: Featurizer;
}): string {
  const hash = createHash('sha256');
  const corpus = readFileSync(CORPUS_PATH, 'utf8');
  hash.update(`${FORMAT}\n${FEATURE_COUNT}\n`);
  hash.update(JSON.stringify([parts.dictionary, parts.training, parts.calibration]));
  hash.update(corpus);
  const texts = corpus
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, PROBE_TEXTS)
    .map((line) => (JSON.parse(line) as { text?: string }).text ?? '');
  for (const text of texts) {
    const { indices, values } = parts.featurize(text);
    hash.update(new Uint8Array(indices.buffer, indices.byteOffset, indices.byteLength));
    hash.update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  }
  return hash.digest('hex');
}

/**
 * The classifier model in force, kept in one file beside the read models, so that a restart loads
 * it in a blink instead of training for seconds to minutes before it is ready. Weights are stored
 * sparsely (only the feature rows training touched); the file is replaced atomically.
 */
export class ClassifierModelFile {
  constructor(
    private readonly path: string,
    private readonly basis: string,
    private readonly featurize: Featurizer,
    private readonly logger: Logger,
  ) {}

  save(model: ModelOnFile): void {
    const { trained, version, calibrated } = model;
    const chunks: Uint8Array[] = [];
    const heads: Header['heads'] = [];
    for (const head of HEADS) {
      const regression = trained.model.heads[head];
      const k = regression.classes.length;
      const rows: number[] = [];
      for (let row = 0; row < FEATURE_COUNT; row++) {
        if (regression.weights.subarray(row * k, row * k + k).some((w) => w !== 0)) rows.push(row);
      }
      const weights = new Float32Array(rows.length * k);
      rows.forEach((row, i) => weights.set(regression.weights.subarray(row * k, row * k + k), i * k));
      chunks.push(bytes(Float32Array.from(regression.bias)), bytes(Int32Array.from(rows)), bytes(weights));
      heads.push({
        head,
        classes: [...regression.classes],
        temperature: regression.temperature,
        rows: rows.length,
      });
    }
    const { model: _model, ...rest } = trained;
    const header: Header = {
      ...rest,
      format: FORMAT,
      basis: this.basis,
      version,
      calibrated,
      heads,
      unitsByCategory: trained.model.unitsByCategory,
    };
    const json = Buffer.from(JSON.stringify(header), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32LE(json.length);
    mkdirSync(dirname(this.path), { recursive: true });
    // One partial file per process: two replicas sharing a data directory never write into each other's.
    const partial = `${this.path}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.concat([length, json, ...chunks]));
    renameSync(partial, this.path);
  }

  /** The model on file, when there is one of this basis; a missing, stale or damaged file: none. */
  load(): ModelOnFile | undefined {
    let file: Buffer;
    try {
      file = readFileSync(this.path);
    } catch {
      return undefined;
    }
    try {
      const length = file.readUInt32LE(0);
      const header = JSON.parse(file.subarray(4, 4 + length).toString('utf8')) as Header;
      if (header.format !== FORMAT || header.basis !== this.basis) {
        this.logger.info({ version: header.version }, 'classifier model on file is stale; training anew');
        return undefined;
      }
      let at = 4 + length;
      const take = <T>(count: number, Kind: { new (b: ArrayBuffer): T; BYTES_PER_ELEMENT: number }): T => {
        const size = count * Kind.BYTES_PER_ELEMENT;
        if (at + size > file.length) throw new Error('the file ends early');
        // A copy: the typed array must start on its own alignment.
        const copy = new Uint8Array(size);
        copy.set(file.subarray(at, at + size));
        at += size;
        return new Kind(copy.buffer);
      };
      const heads = {} as Record<Head, SoftmaxRegression>;
      for (const { head, classes, temperature, rows } of header.heads) {
        const k = classes.length;
        const bias = take(k, Float32Array);
        const indices = take(rows, Int32Array);
        const sparse = take(rows * k, Float32Array);
        const weights = new Float32Array(FEATURE_COUNT * k);
        indices.forEach((row, i) => weights.set(sparse.subarray(i * k, i * k + k), row * k));
        const regression = new SoftmaxRegression(classes, weights, bias);
        regression.temperature = temperature;
        heads[head] = regression;
      }
      if (at !== file.length || HEADS.some((head) => !heads[head])) throw new Error('the heads do not match');
      const { format: _f, basis: _b, version, calibrated, heads: _h, unitsByCategory, ...trained } = header;
      const model = new LearnedModel(heads, this.featurize, unitsByCategory);
      model.unitThroughCategory = trained.unitThroughCategory;
      return {
        trained: { ...trained, model },
        version,
        calibrated,
      };
    } catch (error) {
      this.logger.warn({ err: error }, 'classifier model on file cannot be read; training anew');
      return undefined;
    }
  }
}

const bytes = (array: Float32Array | Int32Array) =>
  new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

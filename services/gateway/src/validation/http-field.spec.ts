import { HotlineError, NotFoundError, ValidationError } from '@hotline/contracts';
import { asHttpError, renamingField } from './http-field';

describe('asHttpError', () => {
  it('names a command data field as the body field it came from', () => {
    const mapped = asHttpError(
      new HotlineError(
        'validation',
        'VALIDATION_FAILED',
        'data.citizen.phone: must be 11 digits',
        'data.citizen.phone',
      ),
    );
    expect(mapped).toBeInstanceOf(ValidationError);
    expect((mapped as ValidationError).toBody()).toEqual({
      kind: 'validation',
      code: 'VALIDATION_FAILED',
      message: 'citizen.phone: must be 11 digits',
      field: 'citizen.phone',
    });
  });

  it('leaves other errors and fields alone', () => {
    const header = new ValidationError('x-district', 'is required');
    const missing = new NotFoundError('case', 'c-1');
    expect(asHttpError(header)).toBe(header);
    expect(asHttpError(missing)).toBe(missing);
  });
});

describe('renamingField', () => {
  it('names the HTTP parameter where the contract names its own field, and rethrows the rest', () => {
    const rename = renamingField('query', 'q');
    expect(() => rename(new ValidationError('query', 'is required'))).toThrow(
      expect.objectContaining({ field: 'q', message: 'q: is required' }) as Error,
    );
    const other = new ValidationError('limit', 'must be at most 50');
    expect(() => rename(other)).toThrow(other);
  });
});

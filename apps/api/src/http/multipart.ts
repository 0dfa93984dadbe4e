import multipart from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { DomainError, InvalidInputError } from '@enterpark/common';

/** The largest file a route takes (a zone's workbook). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
const FIELD_BYTES = 4096;

export class UploadTooLargeError extends DomainError {
  readonly code = 'FILE_TOO_LARGE';
  readonly kind = 'too_large';
  constructor() {
    const message = `上传的文件不能超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB`;
    super(message, [{ field: 'file', rule: 'maxBytes', message }]);
  }
}

/**
 * multipart/form-data, by @fastify/multipart: file uploads (a workbook) and the RFC 8058 one-click
 * unsubscribe, which mail clients may send as multipart (its route reads nothing from the body: the
 * token is in the URL). Nothing is read until a route asks for it, and then within these limits
 * (one file, a few short fields), which bound the whole request; Fastify's JSON body limit does not
 * apply to multipart.
 */
export async function registerMultipart(app: NestFastifyApplication): Promise<void> {
  await app.register(multipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 8, fieldSize: FIELD_BYTES, fieldNameSize: 100, parts: 9, headerPairs: 100 },
  });
}

export interface Upload {
  file: Buffer;
  filename: string;
  /** The form's text fields, each at most FIELD_BYTES. */
  fields: Record<string, string>;
}

/** The refusal for a limit @fastify/multipart (or its parser) reports, naming the rule. */
function uploadRefusal(error: unknown): unknown {
  const code = (error as { code?: string } | null)?.code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new UploadTooLargeError();
    case 'FST_FILES_LIMIT':
      return InvalidInputError.field('file', 'maxFiles', '只能上传一个文件');
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return InvalidInputError.field('body', 'maxParts', '表单字段过多');
    case 'FST_PROTO_VIOLATION':
      return InvalidInputError.field('body', 'multipart', '表单字段名无效');
    default:
      return error instanceof DomainError ? error : InvalidInputError.field('body', 'multipart', '上传内容不是有效的 multipart/form-data 表单');
  }
}

/**
 * Reads a form with one file in `fileField` and the text fields `allowed`; anything else is
 * refused by name, like an unknown JSON field.
 */
export async function readUpload(request: FastifyRequest, fileField: string, allowed: readonly string[]): Promise<Upload> {
  if (!request.isMultipart()) {
    throw InvalidInputError.field('content-type', 'isMultipart', `请以 multipart/form-data 上传，文件放在 ${fileField} 字段`);
  }
  const fields: Record<string, string> = {};
  let file: { data: Buffer; filename: string } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file' && part.fieldname === fileField) {
        file = { data: await part.toBuffer(), filename: part.filename };
      } else if (part.type === 'field' && allowed.includes(part.fieldname)) {
        if (part.valueTruncated) throw InvalidInputError.field(part.fieldname, 'maxBytes', `${part.fieldname} 过长`);
        fields[part.fieldname] = String(part.value);
      } else {
        throw InvalidInputError.field(part.fieldname, 'notAllowed', `不允许的字段 ${part.fieldname}`);
      }
    }
  } catch (error) {
    throw uploadRefusal(error);
  }
  if (!file) throw InvalidInputError.field(fileField, 'required', `请在 ${fileField} 字段上传文件`);
  return { file: file.data, filename: file.filename, fields };
}

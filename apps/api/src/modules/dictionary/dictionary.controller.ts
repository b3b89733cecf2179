import { BadRequestException, Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { DICTIONARY_CONTENT_TYPES, DICTIONARY_FILE_FORMATS, type DictionaryFileFormat } from '@rolemap/dictionary';
import { DomainError } from '@rolemap/domain';
import { DictionaryService, isUuid } from '@rolemap/server-core';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { EVERY_ROLE, RequireRole } from '../auth/access-rule.decorator';
import { RequestCallers } from '../auth/request-callers';

/**
 * GET /api/organizations/:organizationId/dictionary.csv (or .xlsx) ?version=<version id>
 * A dictionary version as a file HR can edit and import again (the current version by default).
 */
@Controller('api/organizations/:organizationId')
export class DictionaryController {
  constructor(
    private readonly dictionary: DictionaryService,
    private readonly callers: RequestCallers,
  ) {}

  @RequireRole(EVERY_ROLE, { organizationId: 'organization' })
  @Get('dictionary.:format')
  async download(
    @Param('organizationId') organizationId: string,
    @Param('format') format: string,
    @Query('version') versionId: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    // The guard has built the caller and checked their role in the organization.
    const caller = (await this.callers.of(req))!;
    if (!(DICTIONARY_FILE_FORMATS as readonly string[]).includes(format)) {
      throw new BadRequestException(`Unknown format "${format}"; use ${DICTIONARY_FILE_FORMATS.join(' or ')}`);
    }
    if (!isUuid(organizationId)) throw new DomainError('NOT_FOUND', `No organization with id ${organizationId}`);
    if (versionId !== undefined && !isUuid(versionId)) throw new BadRequestException('version must be a dictionary version id');
    const version = await this.dictionary.versionIn(caller, organizationId, versionId ?? null);
    if (!version) throw new DomainError('NOT_FOUND', 'This organization has no activity dictionary yet');
    const file = await this.dictionary.exportFile(caller, version.id, format as DictionaryFileFormat);
    res.setHeader('content-type', DICTIONARY_CONTENT_TYPES[file.format]);
    res.setHeader('content-disposition', `attachment; filename="${file.fileName}"`);
    res.setHeader('content-length', String(file.data.length));
    // As report downloads do: the web app checks the file arrived whole before saving it.
    res.setHeader('content-digest', `sha-256=:${createHash('sha256').update(file.data).digest('base64')}:`);
    res.setHeader('cache-control', 'no-store');
    res.end(file.data);
  }
}

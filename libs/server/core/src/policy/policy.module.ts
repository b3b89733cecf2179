import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PolicyService } from './policy.service';

@Module({ imports: [OrganizationsModule], providers: [PolicyService], exports: [PolicyService] })
export class PolicyModule {}
